import type { Metadata } from 'next';
import { LocationRecord } from '../../../../../components/master-data/LocationRecord';

export const metadata: Metadata = { title: 'Location — master data' };

export default async function LocationRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LocationRecord id={decodeURIComponent(id)} />;
}
