// The theme CSS of @atlaskit/tokens: each module's default export is the stylesheet as text.
declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*' {
  const css: string;
  export default css;
}
