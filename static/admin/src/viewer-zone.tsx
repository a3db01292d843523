// The zone every time on the admin page is shown in: the viewer's, as their Jira profile says (the browser may not
// agree with it). One zone for the saved times, the history, the simulator's input and its results, so none of them
// reads an hour off another.
import { createContext, useContext } from 'react';

export const ViewerZone = createContext<string>('UTC');

export function useZone(): string {
  return useContext(ViewerZone);
}
