import type { Metadata } from 'next';
import { BulkImport } from '../../../../components/master-data/BulkImport';

export const metadata: Metadata = { title: 'Bulk import — master data' };

export default function BulkImportPage() {
  return <BulkImport />;
}
