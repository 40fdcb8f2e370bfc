import type { Metadata } from 'next';
import { SupplierRecord } from '../../../../../components/master-data/SupplierRecord';

export const metadata: Metadata = { title: 'Supplier — master data' };

export default async function SupplierRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SupplierRecord id={decodeURIComponent(id)} />;
}
