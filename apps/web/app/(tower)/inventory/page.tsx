import type { Metadata } from 'next';
import { InventorySection } from '../../../components/supply/InventorySection';

export const metadata: Metadata = { title: 'Inventory' };

export default function InventoryPage() {
  return <InventorySection />;
}
