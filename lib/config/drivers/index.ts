import type { Platform } from '@/db/schema';
import { birdDriver } from './bird';
import { eosDriver } from './eos';
import { frrDriver } from './frr';
import { iosDriver } from './ios';
import { iosxrDriver } from './iosxr';
import { junosDriver } from './junos';
import { srosDriver } from './sros';
import type { RouterDriver } from './types';

export { PushError, type NeighborSpec, type NeighborState, type PushPlan, type RouterDriver } from './types';

const drivers: Record<Platform, RouterDriver> = {
  frr: frrDriver,
  bird: birdDriver,
  iosxr: iosxrDriver,
  junos: junosDriver,
  eos: eosDriver,
  sros: srosDriver,
  ios: iosDriver,
};

/** The driver that configures and polls routers of this platform. */
export function driverFor(platform: Platform): RouterDriver {
  return drivers[platform];
}
