import type { Role } from '@meridian/auth';
import { gs1CheckDigit } from '@meridian/canonical';
import type { Prisma } from '@meridian/db';
import { firstVersionOf } from './catalog-versions';
import { demoDcId, demoRoles, demoSkuFamily, demoTenant, demoUsers } from './demo';
import { demoId } from './ids';
import { SeededRandom } from './random';
import { buildReplenishmentRows, type ReplenishmentRows } from './replenishment';

/**
 * The demo world as plain rows: a pure function of `today`, so it can be checked without a
 * database and comes out identical on every run. `seedDemoWorld` writes it.
 */
export interface DemoWorld {
  tenant: Prisma.TenantCreateManyInput;
  roles: Prisma.RoleCreateManyInput[];
  users: Omit<Prisma.UserCreateManyInput, 'passwordHash'>[];
  userRoles: { userId: string; role: Role }[];
  locations: Prisma.LocationCreateManyInput[];
  suppliers: Prisma.SupplierCreateManyInput[];
  skuFamily: Prisma.SkuFamilyCreateManyInput;
  skus: (Prisma.SkuCreateManyInput & { id: string })[];
  carriers: Prisma.CarrierCreateManyInput[];
  inventoryPositions: Prisma.InventoryPositionCreateManyInput[];
  promotion: Prisma.PromotionCreateManyInput & { id: string; skuIds: string[] };
  dailyDemand: Prisma.DailyDemandCreateManyInput[];
  shipments: (Prisma.ShipmentCreateManyInput & { id: string })[];
  shipmentLines: Prisma.ShipmentLineCreateManyInput[];
  exceptions: Prisma.ExceptionCreateManyInput[];
  replenishment: ReplenishmentRows;
  /** Version 1 of every SKU, supplier and location. */
  masterRecordVersions: Prisma.MasterRecordVersionCreateManyInput[];
}

const tenantId = demoTenant.id;
const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const demandHistoryDays = 120;
/** GS1's example company prefix; item references follow it, then the check digit. */
const gs1CompanyPrefix = '0614141';

export const slaHoursBySeverity = { CRITICAL: 4, HIGH: 24, MEDIUM: 48, LOW: 72 } as const;

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * hourMs);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * dayMs);

const roleDescriptions: Record<Role, string> = {
  planner: 'Supply planner: stock, forecasts, reorder proposals, replenishment policies',
  logistics: 'Logistics lead: shipments, carriers, missed milestones',
  marketing: 'Marketing: promotions that feed demand sensing',
  analyst: 'Data steward: master data, data-quality rules, the exception queue',
  admin: 'Administrator: users, roles, API keys, tenants, governance, audit',
  partner: 'Partner or integrator: pushes and reads data through the APIs',
};

const userNames: Record<Role, string> = {
  planner: 'Priya Planner',
  logistics: 'Leo Logistics',
  marketing: 'Maya Marketing',
  analyst: 'Ana Analyst',
  admin: 'Adam Admin',
  partner: 'Parker Partner',
};

const suppliers = [
  {
    code: 'SUP-SAIGON',
    name: 'Saigon Textile Co.',
    site: 'SUP-SAIGON-HCM',
    leadTimeHours: 504,
    leadTimeStdDevHours: 96,
    reliability: '0.920',
    flag: 'WATCH',
    dataResidency: 'VN',
  },
  {
    code: 'SUP-DHAKA',
    name: 'Dhaka Apparel Works',
    site: 'SUP-DHAKA-DAC',
    leadTimeHours: 672,
    leadTimeStdDevHours: 144,
    reliability: '0.860',
    flag: 'PROBATION',
    dataResidency: 'BD',
  },
  {
    code: 'SUP-GUADA',
    name: 'Guadalajara Outdoor Gear',
    site: 'SUP-GUADA-GDL',
    leadTimeHours: 168,
    leadTimeStdDevHours: 24,
    reliability: '0.950',
    flag: 'NONE',
    dataResidency: 'MX',
  },
  {
    code: 'SUP-OAKLAND',
    name: 'Oakland Trim & Supply',
    site: 'SUP-OAKLAND-OAK',
    leadTimeHours: 72,
    leadTimeStdDevHours: 8,
    reliability: '0.980',
    flag: 'NONE',
    dataResidency: 'US',
  },
] as const;
type SupplierCode = (typeof suppliers)[number]['code'];

const carriers = [
  { code: 'PCF', name: 'Pacific Crest Freight', scac: 'PCFX', transitHours: 72 },
  { code: 'CSL', name: 'Cascade Linehaul', scac: 'CSLH', transitHours: 48 },
  { code: 'HBO', name: 'Harbor Ocean Lines', scac: 'HBOL', transitHours: 336 },
  { code: 'SMP', name: 'Summit Parcel', scac: 'SMPC', transitHours: 24 },
] as const;
type CarrierCode = (typeof carriers)[number]['code'];

/** Which carrier brings a supplier's goods to the DC. */
const inboundCarrierBySupplier: Record<SupplierCode, CarrierCode> = {
  'SUP-SAIGON': 'HBO',
  'SUP-DHAKA': 'HBO',
  'SUP-GUADA': 'PCF',
  'SUP-OAKLAND': 'CSL',
};

const colours = [
  { code: 'BLK', name: 'Black', popularity: 1.4, supplier: 'SUP-SAIGON' },
  { code: 'NVY', name: 'Navy', popularity: 1.2, supplier: 'SUP-SAIGON' },
  { code: 'OLV', name: 'Olive', popularity: 0.9, supplier: 'SUP-DHAKA' },
  { code: 'SND', name: 'Sand', popularity: 0.8, supplier: 'SUP-DHAKA' },
  { code: 'RST', name: 'Rust', popularity: 0.7, supplier: 'SUP-GUADA' },
  { code: 'SKY', name: 'Sky Blue', popularity: 0.7, supplier: 'SUP-OAKLAND' },
] as const satisfies readonly { code: string; name: string; popularity: number; supplier: SupplierCode }[];

const sizes = [
  { code: 'XSM', label: 'XS', popularity: 0.5, weightGrams: 150 },
  { code: 'SML', label: 'S', popularity: 0.9, weightGrams: 160 },
  { code: 'MED', label: 'M', popularity: 1.4, weightGrams: 170 },
  { code: 'LRG', label: 'L', popularity: 1.4, weightGrams: 180 },
  { code: 'XLG', label: 'XL', popularity: 1.0, weightGrams: 195 },
  { code: '2XL', label: '2XL', popularity: 0.6, weightGrams: 210 },
  { code: '3XL', label: '3XL', popularity: 0.3, weightGrams: 225 },
  { code: '4XL', label: '4XL', popularity: 0.2, weightGrams: 240 },
] as const;

/** Units per day of an average colour in an average size. */
const familyBaseDemand = 14;
/** Sunday … Saturday: weekends dip. */
const weekdayFactor = [0.62, 1.05, 1.0, 1.0, 1.04, 1.12, 0.72];

/** SKUs stocked deliberately low: at or near stock-out (share of a day's demand) or under safety stock. */
const nearStockOut: Record<string, number> = { THBLKMED: 0.5, THNVYLRG: 1.5 };
const underSafetyStock: Record<string, number> = {
  THOLVSML: 0.6,
  THRSTXLG: 0.7,
  THSKY2XL: 0.5,
  THSNDMED: 0.8,
};

const promotionSkuCodes = [
  'THBLKSML',
  'THBLKMED',
  'THBLKLRG',
  'THBLKXLG',
  'THNVYSML',
  'THNVYMED',
  'THNVYLRG',
  'THNVYXLG',
];
/** What the promotion really did, against the 35 % marketing expected. */
const realisedPromotionUplift = 0.42;
/** Daily demand noise (a normal factor kept within ±40 %) and growth per day. */
const demandNoiseCv = 0.12;
const demandTrendPerDay = 0.0008;

/**
 * The model the demo's demand history is drawn from, for tools that draw more of it (the pilot simulator):
 * an average colour in an average size sells `familyBaseDemand` a day, times each popularity.
 */
export const demoDemandModel = {
  familyBaseDemand,
  weekdayFactor,
  colours,
  sizes,
  suppliers,
  promotionSkuCodes,
  expectedPromotionUplift: 0.35,
  realisedPromotionUplift,
  demandNoiseCv,
  demandTrendPerDay,
  demandHistoryDays,
} as const;

export function skuCode(colour: string, size: string): string {
  return `TH${colour}${size}`;
}

function caseQuantity(units: number): number {
  return Math.max(12, Math.round(units / 12) * 12);
}

export function buildDemoWorld(todayInput: Date): DemoWorld {
  const today = startOfUtcDay(todayInput);
  const random = new SeededRandom(20_261_127);
  const supplierId = (code: string) => demoId('supplier', code);
  const locationId = (code: string) => demoId('location', code);
  const carrierId = (code: string) => demoId('carrier', code);

  const roles = demoRoles.map((role) => ({
    id: demoId('role', role),
    name: role,
    description: roleDescriptions[role],
  }));
  const users = demoRoles.map((role) => ({
    id: demoUsers[role].id,
    tenantId,
    email: demoUsers[role].email,
    name: userNames[role],
  }));

  const locations: Prisma.LocationCreateManyInput[] = [
    {
      id: demoDcId,
      tenantId,
      code: 'DC-RNO',
      name: 'Reno Distribution Center',
      type: 'DC',
      region: 'US-West',
      dataResidency: 'US',
      dataOwnerId: demoUsers.analyst.id,
    },
    ...[
      { code: 'ST-SFO', name: 'San Francisco Union Square Store' },
      { code: 'ST-PDX', name: 'Portland Pearl District Store' },
      { code: 'ST-SEA', name: 'Seattle Capitol Hill Store' },
    ].map((store) => ({
      id: locationId(store.code),
      tenantId,
      code: store.code,
      name: store.name,
      type: 'STORE' as const,
      region: 'US-West',
      dataResidency: 'US',
      parentId: demoDcId,
      dataOwnerId: demoUsers.analyst.id,
    })),
    ...[
      { supplier: suppliers[0], name: 'Saigon Textile Co. — Ho Chi Minh City', region: 'APAC' },
      { supplier: suppliers[1], name: 'Dhaka Apparel Works — Dhaka', region: 'APAC' },
      { supplier: suppliers[2], name: 'Guadalajara Outdoor Gear — Guadalajara', region: 'LATAM' },
      { supplier: suppliers[3], name: 'Oakland Trim & Supply — Oakland', region: 'US-West' },
    ].map(({ supplier, name, region }) => ({
      id: locationId(supplier.site),
      tenantId,
      code: supplier.site,
      name,
      type: 'SUPPLIER_SITE' as const,
      region,
      dataResidency: supplier.dataResidency,
      dataOwnerId: demoUsers.analyst.id,
      // The catalog's supplier rules: a PROBATION or BLOCKED supplier's sites are under quarantine.
      ...(supplier.flag === 'PROBATION'
        ? {
            quarantined: true,
            quarantineReason: `Supplier ${supplier.code} is PROBATION (reliability ${supplier.reliability}): hold receipts for inspection.`,
          }
        : {}),
    })),
  ];

  const skus: DemoWorld['skus'] = [];
  const meanDailyDemand = new Map<string, number>();
  const supplierOfSku = new Map<string, (typeof suppliers)[number]>();
  colours.forEach((colour, colourIndex) => {
    sizes.forEach((size, sizeIndex) => {
      const code = skuCode(colour.code, size.code);
      const itemReference = String(20_000 + colourIndex * 100 + sizeIndex).padStart(5, '0');
      const gtinBody = `${gs1CompanyPrefix}${itemReference}`;
      const id = demoId('sku', code);
      skus.push({
        id,
        tenantId,
        code,
        gtin: `${gtinBody}${gs1CheckDigit(gtinBody)}`,
        name: `Trailhead Tee ${colour.name} ${size.label}`,
        familyId: demoSkuFamily.id,
        supplierId: supplierId(colour.supplier),
        baseUom: 'EA',
        uomConversions: [{ uom: 'CT', factor: 24 }],
        weightGrams: size.weightGrams,
        // A folded tee: 30 × 24 cm, 1 cm thicker per two sizes.
        lengthMm: 300 + sizeIndex * 10,
        widthMm: 240 + sizeIndex * 5,
        heightMm: 20 + Math.floor(sizeIndex / 2) * 10,
        unitCostCents: 650 + sizeIndex * 25 + colourIndex * 10,
        priceCents: 1_999 + (sizeIndex >= 5 ? 200 : 0),
        minOrderQty: 24,
        packSize: 12,
        dataOwnerId: demoUsers.analyst.id,
      });
      meanDailyDemand.set(id, familyBaseDemand * colour.popularity * size.popularity);
      supplierOfSku.set(id, suppliers.find((supplier) => supplier.code === colour.supplier)!);
    });
  });
  const skuByCode = new Map(skus.map((sku) => [sku.code, sku]));
  const skuIdOf = (code: string) => skuByCode.get(code)!.id;

  const promotion = {
    id: demoId('promotion', 'spring-trail-days'),
    tenantId,
    campaign: 'Spring Trail Days',
    channel: 'online',
    skuIds: promotionSkuCodes.map(skuIdOf),
    startsOn: addDays(today, -45),
    endsOn: addDays(today, -36),
    expectedUplift: demoDemandModel.expectedPromotionUplift.toFixed(3),
  };
  const promotedSkus = new Set(promotion.skuIds);

  const dailyDemand: Prisma.DailyDemandCreateManyInput[] = [];
  for (const sku of skus) {
    const mean = meanDailyDemand.get(sku.id)!;
    const runningLow = sku.code in nearStockOut || sku.code in underSafetyStock;
    for (let daysAgo = demandHistoryDays; daysAgo >= 1; daysAgo--) {
      const day = addDays(today, -daysAgo);
      const inPromotion = promotedSkus.has(sku.id) && day >= promotion.startsOn && day <= promotion.endsOn;
      const trend = 1 + demandTrendPerDay * (demandHistoryDays - daysAgo);
      const noise = Math.min(1.4, Math.max(0.6, 1 + demandNoiseCv * random.gaussian()));
      const expected =
        mean *
        trend *
        weekdayFactor[day.getUTCDay()]! *
        noise *
        (inPromotion ? 1 + realisedPromotionUplift : 1);
      const ordered = Math.max(0, Math.round(expected));
      // Short shipments are more frequent during the promotion and for SKUs already running low.
      const shortfallChance = inPromotion ? 0.6 : runningLow && daysAgo <= 7 ? 0.7 : 0.3;
      const shortfall = random.chance(shortfallChance) ? Math.round(ordered * random.between(0.03, 0.16)) : 0;
      dailyDemand.push({
        tenantId,
        skuId: sku.id,
        locationId: demoDcId,
        day,
        ordered,
        shipped: Math.max(0, ordered - shortfall),
        promotionId: inPromotion ? promotion.id : null,
      });
    }
  }

  const shipments: DemoWorld['shipments'] = [];
  const shipmentLines: Prisma.ShipmentLineCreateManyInput[] = [];
  const addLines = (shipmentId: string, skuIds: string[], daysOfDemand: number) => {
    for (const skuId of skuIds) {
      shipmentLines.push({
        id: demoId('shipment-line', `${shipmentId}/${skuId}`),
        shipmentId,
        skuId,
        quantity: caseQuantity(meanDailyDemand.get(skuId)! * daysOfDemand),
      });
    }
  };
  const skusOfSupplier = (code: SupplierCode) =>
    skus.filter((sku) => supplierOfSku.get(sku.id)!.code === code).map((sku) => sku.id);

  // Delivered over the last 30 days; 5 of 40 arrived late, so on-time is 87.5 %.
  const lateDeliveries = new Set([3, 11, 17, 24, 33]);
  for (let index = 0; index < 40; index++) {
    const outbound = index % 3 === 0;
    const supplier = suppliers[index % suppliers.length]!;
    const carrier = carriers.find(
      (candidate) =>
        candidate.code ===
        (outbound ? (index % 2 === 0 ? 'SMP' : 'CSL') : inboundCarrierBySupplier[supplier.code]),
    )!;
    const plannedArrival = addHours(addDays(today, -30 + Math.floor((index * 27) / 40)), 8 + (index % 4) * 2);
    const actualArrival = lateDeliveries.has(index)
      ? addHours(plannedArrival, random.int(6, 40))
      : addHours(plannedArrival, -random.int(0, 5));
    const store = ['ST-SFO', 'ST-PDX', 'ST-SEA'][index % 3]!;
    const reference = outbound ? `OUT-${21_000 + index}` : `INB-${11_000 + index}`;
    const id = demoId('shipment', reference);
    shipments.push({
      id,
      tenantId,
      reference,
      carrierId: carrierId(carrier.code),
      originLocationId: outbound ? demoDcId : locationId(supplier.site),
      destinationLocationId: outbound ? locationId(store) : demoDcId,
      status: 'DELIVERED',
      direction: outbound ? 'OUTBOUND' : 'INBOUND',
      plannedDeparture: addHours(plannedArrival, -carrier.transitHours),
      plannedArrival,
      estimatedArrival: actualArrival,
      actualArrival,
    });
    const candidates = outbound ? skus.map((sku) => sku.id) : skusOfSupplier(supplier.code);
    const lineCount = random.int(2, 4);
    const start = random.int(0, candidates.length - lineCount);
    addLines(id, candidates.slice(start, start + lineCount), outbound ? 2 : 10);
  }

  // Open inbound: two in transit are already past their planned arrival (one carries THBLKMED).
  const openInbound: {
    reference: string;
    supplier: SupplierCode;
    status: 'PLANNED' | 'IN_TRANSIT';
    departedDaysAgo: number;
    arrivalInDays: number;
    estimatedDelayHours: number;
    skuCodes: string[];
  }[] = [
    {
      reference: 'INB-12001',
      supplier: 'SUP-SAIGON',
      status: 'IN_TRANSIT',
      departedDaysAgo: 15,
      arrivalInDays: -1,
      estimatedDelayHours: 58,
      skuCodes: ['THBLKMED', 'THBLKLRG', 'THNVYMED'],
    },
    {
      reference: 'INB-12002',
      supplier: 'SUP-DHAKA',
      status: 'IN_TRANSIT',
      departedDaysAgo: 16,
      arrivalInDays: -2,
      estimatedDelayHours: 80,
      skuCodes: ['THOLVMED', 'THOLVLRG', 'THSNDLRG'],
    },
    {
      reference: 'INB-12003',
      supplier: 'SUP-GUADA',
      status: 'IN_TRANSIT',
      departedDaysAgo: 1,
      arrivalInDays: 2,
      estimatedDelayHours: 0,
      skuCodes: ['THRSTXLG', 'THRSTLRG', 'THRSTMED'],
    },
    {
      reference: 'INB-12004',
      supplier: 'SUP-SAIGON',
      status: 'IN_TRANSIT',
      departedDaysAgo: 6,
      arrivalInDays: 8,
      estimatedDelayHours: 12,
      skuCodes: ['THNVYLRG', 'THNVYXLG', 'THBLKSML', 'THBLKXLG'],
    },
    {
      reference: 'INB-12005',
      supplier: 'SUP-OAKLAND',
      status: 'IN_TRANSIT',
      departedDaysAgo: 1,
      arrivalInDays: 1,
      estimatedDelayHours: 0,
      skuCodes: ['THSKYMED', 'THSKYLRG'],
    },
    {
      reference: 'INB-12006',
      supplier: 'SUP-DHAKA',
      status: 'PLANNED',
      departedDaysAgo: -3,
      arrivalInDays: 17,
      estimatedDelayHours: 0,
      skuCodes: ['THOLVSML', 'THSNDMED', 'THSNDSML'],
    },
    {
      reference: 'INB-12007',
      supplier: 'SUP-GUADA',
      status: 'PLANNED',
      departedDaysAgo: -2,
      arrivalInDays: 5,
      estimatedDelayHours: 0,
      skuCodes: ['THRST2XL', 'THRSTSML'],
    },
    {
      reference: 'INB-12008',
      supplier: 'SUP-SAIGON',
      status: 'PLANNED',
      departedDaysAgo: -5,
      arrivalInDays: 19,
      estimatedDelayHours: 0,
      skuCodes: ['THBLK2XL', 'THNVY2XL', 'THNVYSML'],
    },
  ];
  const inTransitUnits = new Map<string, number>();
  for (const open of openInbound) {
    const id = demoId('shipment', open.reference);
    const supplier = suppliers.find((candidate) => candidate.code === open.supplier)!;
    const plannedArrival = addHours(addDays(today, open.arrivalInDays), 14);
    const plannedDeparture = addHours(addDays(today, -open.departedDaysAgo), 9);
    const carrierCode = inboundCarrierBySupplier[open.supplier];
    shipments.push({
      id,
      tenantId,
      reference: open.reference,
      carrierId: carrierId(carrierCode),
      originLocationId: locationId(supplier.site),
      destinationLocationId: demoDcId,
      status: open.status,
      direction: 'INBOUND',
      plannedDeparture,
      plannedArrival,
      estimatedArrival:
        open.status === 'IN_TRANSIT' ? addHours(plannedArrival, open.estimatedDelayHours) : null,
      actualArrival: null,
    });
    const linesBefore = shipmentLines.length;
    addLines(id, open.skuCodes.map(skuIdOf), 21);
    for (const line of shipmentLines.slice(linesBefore)) {
      inTransitUnits.set(line.skuId, (inTransitUnits.get(line.skuId) ?? 0) + line.quantity);
    }
  }

  const inventoryPositions = skus.map((sku) => {
    const mean = meanDailyDemand.get(sku.id)!;
    const leadTimeDays = supplierOfSku.get(sku.id)!.leadTimeHours / 24;
    // Daily demand varies by about a quarter of its mean (weekday pattern plus noise); 1.65 σ ≈ 95 % cycle service.
    const safetyStock = Math.ceil(1.65 * 0.25 * mean * Math.sqrt(leadTimeDays));
    const reorderPoint = Math.ceil(mean * leadTimeDays) + safetyStock;
    const onHand =
      sku.code in nearStockOut
        ? Math.floor(mean * nearStockOut[sku.code]!)
        : sku.code in underSafetyStock
          ? Math.floor(safetyStock * underSafetyStock[sku.code]!)
          : Math.round(reorderPoint + mean * random.between(4, 21));
    return {
      id: demoId('inventory-position', `${sku.code}@DC-RNO`),
      tenantId,
      skuId: sku.id,
      locationId: demoDcId,
      onHand,
      allocated: Math.min(onHand, Math.round(mean * 0.5)),
      inTransit: inTransitUnits.get(sku.id) ?? 0,
      reorderPoint,
      safetyStock,
    };
  });

  const shipmentIdOf = (reference: string) => demoId('shipment', reference);
  const exception = (
    key: string,
    fields: Omit<Prisma.ExceptionCreateManyInput, 'id' | 'tenantId' | 'slaDueAt' | 'raisedAt' | 'status'> & {
      severity: keyof typeof slaHoursBySeverity;
      raisedHoursAgo: number;
    },
  ): Prisma.ExceptionCreateManyInput => {
    const { raisedHoursAgo, ...rest } = fields;
    const raisedAt = addHours(today, -raisedHoursAgo);
    return {
      id: demoId('exception', key),
      tenantId,
      status: 'OPEN',
      raisedAt,
      slaDueAt: addHours(raisedAt, slaHoursBySeverity[fields.severity]),
      ...rest,
    };
  };
  const analystId = demoUsers.analyst.id;
  const exceptions = [
    exception('stockout-THBLKMED', {
      kind: 'STOCKOUT_RISK',
      severity: 'CRITICAL',
      title: 'Trailhead Tee Black M runs out at DC-RNO within a day',
      detail: 'On hand covers half a day of demand; the replenishment on INB-12001 is overdue.',
      skuId: skuIdOf('THBLKMED'),
      raisedHoursAgo: 1,
    }),
    exception('milestone-INB-12001', {
      kind: 'MILESTONE_MISSED',
      severity: 'CRITICAL',
      title: 'INB-12001 missed its planned arrival at DC-RNO',
      detail: 'Harbor Ocean Lines now estimates arrival more than two days late; it carries THBLKMED.',
      shipmentId: shipmentIdOf('INB-12001'),
      raisedHoursAgo: 3,
    }),
    exception('stockout-THNVYLRG', {
      kind: 'STOCKOUT_RISK',
      severity: 'HIGH',
      title: 'Trailhead Tee Navy L is below safety stock',
      detail: 'Less than two days of cover; the next inbound (INB-12004) lands in about a week.',
      skuId: skuIdOf('THNVYLRG'),
      raisedHoursAgo: 6,
    }),
    exception('milestone-INB-12002', {
      kind: 'MILESTONE_MISSED',
      severity: 'HIGH',
      title: 'INB-12002 missed its planned arrival at DC-RNO',
      detail: 'Vessel held at transshipment; carrier ETA slipped by more than three days.',
      shipmentId: shipmentIdOf('INB-12002'),
      raisedHoursAgo: 20,
    }),
    exception('supplier-delay-INB-12006', {
      kind: 'SUPPLIER_DELAY',
      severity: 'HIGH',
      title: 'Dhaka Apparel Works pushed the INB-12006 pick-up by three days',
      detail: 'Fabric shortage at the mill; the shipment replenishes THOLVSML and THSNDMED.',
      shipmentId: shipmentIdOf('INB-12006'),
      raisedHoursAgo: 10,
    }),
    exception('stockout-THOLVSML', {
      kind: 'STOCKOUT_RISK',
      severity: 'MEDIUM',
      title: 'Trailhead Tee Olive S is below safety stock',
      skuId: skuIdOf('THOLVSML'),
      raisedHoursAgo: 26,
    }),
    exception('asn-gtin-INB-12004', {
      kind: 'DATA_QUALITY',
      severity: 'MEDIUM',
      title: 'Advance ship notice for INB-12004 has a line without GTIN',
      detail: 'Line 3 names the SKU by supplier code only; map it or ask the supplier to resend.',
      shipmentId: shipmentIdOf('INB-12004'),
      raisedById: analystId,
      raisedHoursAgo: 30,
    }),
    exception('stockout-THSNDMED', {
      kind: 'STOCKOUT_RISK',
      severity: 'MEDIUM',
      title: 'Trailhead Tee Sand M is below safety stock',
      skuId: skuIdOf('THSNDMED'),
      raisedHoursAgo: 40,
    }),
    exception('weight-THSKY4XL', {
      kind: 'DATA_QUALITY',
      severity: 'LOW',
      title: 'Trailhead Tee Sky Blue 4XL weight differs from the carton scan by 18 %',
      skuId: skuIdOf('THSKY4XL'),
      raisedById: analystId,
      raisedHoursAgo: 50,
    }),
    exception('reorder-THRSTXLG', {
      kind: 'STOCKOUT_RISK',
      severity: 'LOW',
      title: 'Trailhead Tee Rust XL is under safety stock; INB-12003 arrives in two days',
      skuId: skuIdOf('THRSTXLG'),
      raisedHoursAgo: 60,
    }),
    exception('duplicate-event-OUT-21000', {
      kind: 'DATA_QUALITY',
      severity: 'LOW',
      title: 'Duplicate delivery event from the Summit Parcel feed for OUT-21000',
      shipmentId: shipmentIdOf('OUT-21000'),
      raisedHoursAgo: 20,
    }),
  ];

  const supplierRows = suppliers.map((supplier) => ({
    id: supplierId(supplier.code),
    tenantId,
    code: supplier.code,
    name: supplier.name,
    leadTimeHours: supplier.leadTimeHours,
    leadTimeStdDevHours: supplier.leadTimeStdDevHours,
    reliability: supplier.reliability,
    flag: supplier.flag,
    dataOwnerId: demoUsers.analyst.id,
  }));
  // The master data was set up when the demand history starts, by the data steward.
  const masterDataSince = addDays(today, -demandHistoryDays);
  const masterRecordVersions = [
    ...skus.map((row) => firstVersionOf('SKU', row, analystId, masterDataSince)),
    ...supplierRows.map((row) => firstVersionOf('SUPPLIER', row, analystId, masterDataSince)),
    ...locations.map((row) => firstVersionOf('LOCATION', row, analystId, masterDataSince)),
  ];

  return {
    tenant: { id: tenantId, slug: demoTenant.slug, name: demoTenant.name },
    roles,
    users,
    userRoles: demoRoles.map((role) => ({ userId: demoUsers[role].id, role })),
    locations,
    suppliers: supplierRows,
    skuFamily: {
      id: demoSkuFamily.id,
      tenantId,
      code: demoSkuFamily.code,
      name: 'Trailhead Performance Tee',
    },
    skus,
    carriers: carriers.map((carrier) => ({
      id: carrierId(carrier.code),
      tenantId,
      code: carrier.code,
      name: carrier.name,
      scac: carrier.scac,
    })),
    inventoryPositions,
    promotion,
    dailyDemand,
    shipments,
    shipmentLines,
    exceptions,
    replenishment: buildReplenishmentRows({
      tenantId,
      today,
      skus,
      suppliers: suppliers.map((supplier) => ({
        id: supplierId(supplier.code),
        leadTimeHours: supplier.leadTimeHours,
      })),
      inventoryPositions,
      dailyDemand,
      meanDailyDemand,
      caseQuantity,
    }),
    masterRecordVersions,
  };
}
