import { jsonOk } from '@/lib/http/response';
import { checkHealth } from '@/lib/valkey/health';

export async function GET() {
  const report = await checkHealth();
  return jsonOk(report, report.ok ? 200 : 503);
}
