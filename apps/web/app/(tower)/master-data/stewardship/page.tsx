import type { Metadata } from 'next';
import { Stewardship } from '../../../../components/master-data/Stewardship';

export const metadata: Metadata = { title: 'Stewardship — master data' };

export default function StewardshipPage() {
  return <Stewardship />;
}
