import type { Metadata } from 'next';
import { SkuDetail } from '../../../../components/sku/SkuDetail';

interface SkuPageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: SkuPageProps): Promise<Metadata> {
  const { code } = await params;
  return { title: `SKU ${decodeURIComponent(code)}` };
}

export default async function SkuPage({ params }: SkuPageProps) {
  const { code } = await params;
  return <SkuDetail code={decodeURIComponent(code)} />;
}
