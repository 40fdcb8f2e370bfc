import type { Metadata } from 'next';
import { ChangeRequestQueue } from '../../../../components/master-data/ChangeRequestQueue';

export const metadata: Metadata = { title: 'Change requests — master data' };

export default function ChangeRequestsPage() {
  return <ChangeRequestQueue />;
}
