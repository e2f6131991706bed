import { jsonOk } from '@/lib/http/response';
import { healthForCaller } from '@/lib/valkey/health';

/** Readiness (npm start polls it) and status: ok per server, details only for operators. */
export async function GET() {
  const report = await healthForCaller();
  return jsonOk(report, report.ok ? 200 : 503);
}
