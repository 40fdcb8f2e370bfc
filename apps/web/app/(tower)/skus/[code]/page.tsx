import type { Metadata } from 'next';
import { SkuDetail } from '../../../../components/sku/SkuDetail';
import { SkuPlanning } from '../../../../components/supply/SkuPlanning';

interface SkuPageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: SkuPageProps): Promise<Metadata> {
  const { code } = await params;
  return { title: `SKU ${decodeURIComponent(code)}` };
}

export default async function SkuPage({ params }: SkuPageProps) {
  const { code } = await params;
  const skuCode = decodeURIComponent(code);
  return (
    <>
      <SkuDetail code={skuCode} />
      <SkuPlanning code={skuCode} />
    </>
  );
}
