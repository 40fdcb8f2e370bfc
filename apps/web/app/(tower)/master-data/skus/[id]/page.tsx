import type { Metadata } from 'next';
import { SkuRecord } from '../../../../../components/master-data/SkuRecord';

export const metadata: Metadata = { title: 'SKU — master data' };

export default async function SkuRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SkuRecord id={decodeURIComponent(id)} />;
}
