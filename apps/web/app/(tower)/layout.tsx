import type { ReactNode } from 'react';
import { TowerShell } from '../../components/shell/TowerShell';

export default function TowerLayout({ children }: { children: ReactNode }) {
  return <TowerShell>{children}</TowerShell>;
}
