import type { Random } from './random';
import type { PocRole, Visibility } from './schema';

export interface City {
  name: string;
  country: string;
  state: string;
  continent: string;
  latitude: number;
  longitude: number;
  /** Relative weight as an interconnection hub. */
  weight: number;
}

const city = (
  name: string,
  country: string,
  state: string,
  continent: string,
  latitude: number,
  longitude: number,
  weight: number,
): City => ({
  name, country, state, continent, latitude, longitude, weight,
});

export const CITIES: readonly City[] = [
  city('Frankfurt', 'DE', '', 'Europe', 50.11, 8.68, 10),
  city('Amsterdam', 'NL', 'Noord-Holland', 'Europe', 52.37, 4.9, 10),
  city('London', 'GB', '', 'Europe', 51.51, -0.13, 10),
  city('Paris', 'FR', '', 'Europe', 48.86, 2.35, 6),
  city('Stockholm', 'SE', '', 'Europe', 59.33, 18.07, 4),
  city('Warsaw', 'PL', '', 'Europe', 52.23, 21.01, 4),
  city('Madrid', 'ES', '', 'Europe', 40.42, -3.7, 4),
  city('Milan', 'IT', '', 'Europe', 45.46, 9.19, 4),
  city('Vienna', 'AT', '', 'Europe', 48.21, 16.37, 3),
  city('Zurich', 'CH', '', 'Europe', 47.37, 8.54, 3),
  city('Prague', 'CZ', '', 'Europe', 50.08, 14.44, 3),
  city('Moscow', 'RU', '', 'Europe', 55.76, 37.62, 4),
  city('Kyiv', 'UA', '', 'Europe', 50.45, 30.52, 3),
  city('Dublin', 'IE', '', 'Europe', 53.35, -6.26, 2),
  city('Oslo', 'NO', '', 'Europe', 59.91, 10.75, 2),
  city('Helsinki', 'FI', '', 'Europe', 60.17, 24.94, 2),
  city('Lisbon', 'PT', '', 'Europe', 38.72, -9.14, 2),
  city('Bucharest', 'RO', '', 'Europe', 44.43, 26.1, 2),
  city('Ashburn', 'US', 'VA', 'North America', 39.04, -77.49, 7),
  city('New York', 'US', 'NY', 'North America', 40.71, -74.01, 6),
  city('Chicago', 'US', 'IL', 'North America', 41.88, -87.63, 5),
  city('Dallas', 'US', 'TX', 'North America', 32.78, -96.8, 4),
  city('Los Angeles', 'US', 'CA', 'North America', 34.05, -118.24, 5),
  city('San Jose', 'US', 'CA', 'North America', 37.34, -121.89, 4),
  city('Seattle', 'US', 'WA', 'North America', 47.61, -122.33, 3),
  city('Miami', 'US', 'FL', 'North America', 25.76, -80.19, 3),
  city('Toronto', 'CA', 'ON', 'North America', 43.65, -79.38, 3),
  city('Montreal', 'CA', 'QC', 'North America', 45.5, -73.57, 2),
  city('Mexico City', 'MX', '', 'North America', 19.43, -99.13, 2),
  city('Sao Paulo', 'BR', 'SP', 'South America', -23.55, -46.63, 7),
  city('Rio de Janeiro', 'BR', 'RJ', 'South America', -22.91, -43.17, 3),
  city('Buenos Aires', 'AR', '', 'South America', -34.6, -58.38, 2),
  city('Santiago', 'CL', '', 'South America', -33.45, -70.67, 2),
  city('Bogota', 'CO', '', 'South America', 4.71, -74.07, 2),
  city('Singapore', 'SG', '', 'Asia Pacific', 1.35, 103.82, 5),
  city('Hong Kong', 'HK', '', 'Asia Pacific', 22.32, 114.17, 4),
  city('Tokyo', 'JP', '', 'Asia Pacific', 35.68, 139.69, 5),
  city('Seoul', 'KR', '', 'Asia Pacific', 37.57, 126.98, 2),
  city('Mumbai', 'IN', 'MH', 'Asia Pacific', 19.08, 72.88, 4),
  city('Jakarta', 'ID', '', 'Asia Pacific', -6.21, 106.85, 3),
  city('Bangkok', 'TH', '', 'Asia Pacific', 13.76, 100.5, 2),
  city('Manila', 'PH', '', 'Asia Pacific', 14.6, 120.98, 2),
  city('Sydney', 'AU', 'NSW', 'Australia', -33.87, 151.21, 3),
  city('Melbourne', 'AU', 'VIC', 'Australia', -37.81, 144.96, 2),
  city('Auckland', 'NZ', '', 'Australia', -36.85, 174.76, 1),
  city('Johannesburg', 'ZA', '', 'Africa', -26.2, 28.05, 3),
  city('Nairobi', 'KE', '', 'Africa', -1.29, 36.82, 2),
  city('Lagos', 'NG', '', 'Africa', 6.52, 3.38, 2),
  city('Cairo', 'EG', '', 'Africa', 30.04, 31.24, 1),
  city('Dubai', 'AE', '', 'Middle East', 25.2, 55.27, 2),
  city('Istanbul', 'TR', '', 'Europe', 41.01, 28.98, 2),
];

const ONSETS = ['b', 'br', 'c', 'd', 'f', 'g', 'gr', 'k', 'l', 'm', 'n', 'p', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'io', 'y'];
const CODAS = ['', 'n', 'r', 'x', 'l', 's', 'th', 'nd', 'm', 'k'];

/** A made-up brand like "Trelanox": pronounceable, meaningless, and not a real operator. */
export function brandName(random: Random): string {
  const syllables = random.int(2, 3);
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS);
  word += random.pick(CODAS);
  return word[0].toUpperCase() + word.slice(1);
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const NET_SUFFIXES = [
  'Networks', 'Telecom', 'Fiber', 'Broadband', 'Cloud', 'Hosting', 'Internet', 'Communications',
  'Digital', 'Connect', 'Online', 'Datacenter', 'Media', 'Wireless', 'Systems', 'Net',
];
export const ORG_SUFFIXES = ['Ltd', 'GmbH', 'B.V.', 'Inc.', 'S.A.', 'AB', 'LLC', 'Pty Ltd', 'S.r.l.', 'Oy', 'AS', 'Corp.'];
export const FAC_PREFIXES = ['DC', 'Data Centre', 'Campus', 'Colo', 'Tower', 'Hub'];
export const STREETS = ['Harbour Road', 'Industrieweg', 'Main Street', 'Station Road', 'Science Park', 'Rue du Port', 'Via Roma', 'Parkway Drive'];

export const INFO_TYPES: readonly (readonly [string, number])[] = [
  ['NSP', 35], ['Cable/DSL/ISP', 27], ['Content', 22], ['Educational/Research', 7], ['Non-Profit', 3],
  ['Enterprise', 3], ['Route Server', 1], ['Route Collector', 0.5], ['Network Services', 1], ['Government', 0.5],
];
export const POLICY_GENERAL: readonly (readonly [string, number])[] = [
  ['Open', 56], ['Selective', 30], ['Restrictive', 9.5], ['No', 4], ['', 0.5],
];
export const POLICY_LOCATIONS: readonly (readonly [string, number])[] = [
  ['Not Required', 65], ['Preferred', 25], ['Required - International', 5], ['Required - US', 4], ['Required - EU', 0.6], ['', 0.4],
];
export const POLICY_CONTRACTS: readonly (readonly [string, number])[] = [
  ['Not Required', 82], ['Required', 9], ['Private Only', 6], ['', 3],
];
export const INFO_TRAFFIC = [
  '0-20Mbps', '20-100Mbps', '100-1000Mbps', '1-5Gbps', '5-10Gbps', '10-20Gbps', '20-50Gbps', '50-100Gbps',
  '100-200Gbps', '200-300Gbps', '300-500Gbps', '500-1000Gbps', '1-5Tbps', '5-10Tbps', '10-20Tbps', '20-50Tbps', '50-100Tbps', '100+Tbps',
];
export const INFO_RATIO: readonly (readonly [string, number])[] = [
  ['Balanced', 40], ['Mostly Inbound', 26], ['Mostly Outbound', 18], ['Heavy Outbound', 8], ['Heavy Inbound', 2], ['Not Disclosed', 1], ['', 5],
];
export const INFO_SCOPE: readonly (readonly [string, number])[] = [
  ['Regional', 30], ['Europe', 28], ['Global', 22], ['North America', 13], ['Asia Pacific', 3], ['South America', 1],
  ['Africa', 0.5], ['Australia', 0.5], ['Middle East', 0.3], ['Not Disclosed', 0.4], ['', 2],
];
/** Prefix counts as operators enter them: round numbers. */
export const PREFIX_COUNTS = [0, 1, 2, 3, 5, 10, 20, 25, 30, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000];
export const SPEEDS: readonly (readonly [number, number])[] = [
  [1000, 14], [10000, 28], [20000, 5], [30000, 3], [40000, 1], [100000, 32], [200000, 5], [300000, 2], [400000, 3],
  [800000, 0.5], [100, 1], [0, 0.5],
];
export const POC_ROLES: readonly (readonly [PocRole, number])[] = [
  ['NOC', 30], ['Technical', 20], ['Policy', 20], ['Abuse', 10], ['Maintenance', 7], ['Sales', 8], ['Public Relations', 5],
];
export const POC_VISIBILITY: readonly (readonly [Visibility, number])[] = [
  ['Public', 35], ['Users', 55], ['Private', 10],
];
export const SERVICE_LEVELS: readonly (readonly [string, number])[] = [
  ['Not Disclosed', 73], ['24/7 Support', 20], ['Best Effort (no SLA)', 4], ['Normal Business Hours', 3],
];
export const TERMS: readonly (readonly [string, number])[] = [
  ['Not Disclosed', 78], ['Recurring Fees', 18], ['No Commercial Terms', 3], ['Non-recurring Fees Only', 0.6], ['Bundled With Other Services', 0.4],
];

/** A fictitious phone number in the country's style: the 555 exchange is reserved for fiction. */
export function phoneNumber(random: Random): string {
  return `+${random.pick(['1', '31', '44', '49', '33', '46', '55', '65', '81'])}555${String(random.int(0, 9999999)).padStart(7, '0')}`;
}
