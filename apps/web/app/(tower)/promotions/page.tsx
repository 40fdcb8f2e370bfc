import type { Metadata } from 'next';
import { PromotionsSection } from '../../../components/supply/PromotionsSection';

export const metadata: Metadata = { title: 'Promotions' };

export default function PromotionsPage() {
  return <PromotionsSection />;
}
