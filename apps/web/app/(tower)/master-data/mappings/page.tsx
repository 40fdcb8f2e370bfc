import type { Metadata } from 'next';
import { MappingEditor } from '../../../../components/master-data/MappingEditor';

export const metadata: Metadata = { title: 'Mappings — master data' };

export default function MappingsPage() {
  return <MappingEditor />;
}
