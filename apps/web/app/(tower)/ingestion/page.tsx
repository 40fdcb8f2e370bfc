import type { Metadata } from 'next';
import { Ingestion } from '../../../components/ingestion/Ingestion';

export const metadata: Metadata = { title: 'Ingestion' };

export default function IngestionPage() {
  return <Ingestion />;
}
