// `npx tsx tools/irrd-test-server/main.ts [port]`: the lab fixture on 127.0.0.1, for trying bgpq4 by hand.
import { labFixture } from './fixture';
import { startIrrdTestServer } from './server';

const server = await startIrrdTestServer({ fixture: labFixture(), port: Number(process.argv[2] ?? 0) });
console.log(`IRRd test server on ${server.address}: bgpq4 -h ${server.address} -S RIPE,ARIN AS-LABPEER`);
