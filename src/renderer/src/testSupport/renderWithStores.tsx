import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { useStartStores } from '../features/shell/useStartStores';

function WithStores({ children }: { children: ReactNode }) {
  useStartStores();
  return children;
}

/** Renders one screen with the domain stores started, as the shell starts them. */
export function renderWithStores(ui: ReactNode): RenderResult {
  return render(<WithStores>{ui}</WithStores>);
}
