import type { ReactNode } from 'react';
import { MasterDataTabs } from '../../../components/master-data/MasterDataTabs';
import './master-data.css';

export default function MasterDataLayout({ children }: { children: ReactNode }) {
  return (
    <div className="md">
      <MasterDataTabs />
      {children}
    </div>
  );
}
