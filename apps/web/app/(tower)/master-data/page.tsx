import type { Metadata } from 'next';
import { RecordSearch } from '../../../components/master-data/RecordSearch';

export const metadata: Metadata = { title: 'Master data' };

export default function MasterDataPage() {
  return <RecordSearch />;
}
