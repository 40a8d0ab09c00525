// Legal holds, on either side: what each covers, placing and lifting them.
import type { Role } from '../../../shared/api/contract-kit';

export function HoldsScreen({ role, holdId }: { role: Role; holdId?: number }) {
  return (
    <section className="screen">
      <h1>Legal holds</h1>
      <p>{role === 'records-center' ? 'Holds at the center.' : 'Holds on your records.'}</p>
      {holdId === undefined ? null : <p>Hold {holdId}</p>}
    </section>
  );
}
