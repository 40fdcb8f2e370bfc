import type { Metadata } from 'next';
import { PurchaseOrderQueue } from '../../../components/supply/PurchaseOrderQueue';

export const metadata: Metadata = { title: 'Purchase orders' };

export default function PurchaseOrdersPage() {
  return <PurchaseOrderQueue />;
}
