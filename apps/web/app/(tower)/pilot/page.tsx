import type { Metadata } from 'next';
import { PilotComparison } from '../../../components/supply/PilotComparison';

export const metadata: Metadata = { title: 'Pilot' };

export default function PilotPage() {
  return <PilotComparison />;
}
