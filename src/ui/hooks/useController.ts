// Subscribes a component to the REPL controller's view.
import { useSyncExternalStore } from 'react';
import type { ReplController, View } from '../controller.js';

export function useController(controller: ReplController): View {
  return useSyncExternalStore(controller.subscribe, controller.getView);
}
