import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the real CLI: `node functions/main/cli.ts interest …`. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['functions/main/cli.ts', 'interest', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const gb = ['--jurisdiction', 'GB', '--principal', '1000.00', '--currency', 'GBP', '--due', '2024-01-31', '--until', '2024-04-30'];

// each test starts the real CLI several times: generous time for a busy machine
describe('npm run cli -- interest', { timeout: 120_000 }, () => {
  it('prints the itemised table', () => {
    const { code, stdout, stderr } = cli(...gb, '--payment', '2024-03-01:400.00', '--reference', 'INV-1');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Late-payment interest – INV-1');
    expect(lines).toContain('Payment:   2024-03-01  GBP 400.00 (principal lower from 2024-03-02)');
    // 1000 × 13.25 % × 30/365 = 10.89…; 600 × 13.25 % × 60/365 = 13.06…; total 23.96
    expect(lines).toContain('From        To          Days  Day count  Rate %  Base GBP  Interest GBP');
    expect(lines).toContain('2024-02-01  2024-03-01    30  30/365      13.25   1000.00         10.89');
    expect(lines).toContain('2024-03-02  2024-04-30    60  60/365      13.25    600.00         13.07');
    expect(stdout).toMatch(/^Interest +GBP +23\.96$/m);
    expect(stdout).toMatch(/^Fixed compensation: debt from £1,000 to under £10,000 +GBP +70\.00$/m);
    expect(stdout).toMatch(/^Amount due on 2024-04-30 +GBP +693\.96$/m);
    expect(stdout).toContain('Rate:      Bank Rate 5.25 % on 2023-12-31 (the reference date before interest started on 2024-02-01) + 8 points = 13.25 %, fixed for the whole delay');
  });

  it('--json prints the result with every amount as a decimal string', () => {
    const { code, stdout } = cli(...gb, '--payment', '2024-03-01:400.00', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.totals.interest).toEqual({ currency: 'GBP', amount: '23.96' });
    expect(result.totals.amountDue).toEqual({ currency: 'GBP', amount: '693.96' });
    expect(result.rule.id).toBe('GB-statutory');
    const amounts: unknown[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ('currency' in v && 'amount' in v) amounts.push((v as { amount: unknown }).amount);
        Object.values(v).forEach(walk);
      }
    };
    walk(result);
    expect(amounts.length).toBeGreaterThan(10);
    for (const a of amounts) expect(a).toMatch(/^\d+\.\d{2}$/);
  });

  it('--contract-rate and --rounding daily reproduce the gov.uk figure', () => {
    // £1,000 at 8.5 % for 50 days: 23p a day → £11.50
    const args = ['--jurisdiction', 'GB', '--principal', '1000', '--currency', 'GBP', '--due', '2025-03-31', '--until', '2025-05-20', '--contract-rate', '8.5%/year'];
    expect(JSON.parse(cli(...args, '--rounding', 'daily', '--json').stdout).totals.interest.amount).toBe('11.50');
    expect(JSON.parse(cli(...args, '--json').stdout).totals.interest.amount).toBe('11.64');
  });

  it('passes the options through', () => {
    const { stdout } = cli(
      '--jurisdiction', 'DE', '--principal', '10000', '--currency', 'EUR', '--due', '2024-06-15', '--until', '2024-07-15',
      '--german-day-count', '30E/360', '--debtor', 'consumer', '--no-fixed-compensation', '--flat-fee', '5.00', '--json',
    );
    const result = JSON.parse(stdout);
    expect(result.options.germanDayCount).toBe('30E/360');
    expect(result.debtor).toBe('consumer');
    expect(result.fixedCompensation).toEqual([]);
    expect(result.flatFee.amount).toEqual({ currency: 'EUR', amount: '5.00' });
    // consumer 8.62 % and 8.37 %, 15/360 each: 10000 × 16.99 % × 15/360 = 70.7916… → 70.79
    expect(result.totals.interest.amount).toBe('70.79');
  });

  it('bad input: a clear message on stderr, exit 1', () => {
    expect(cli('--jurisdiction', 'GB', '--principal=-100.00', '--currency', 'GBP', '--due', '2024-01-31', '--until', '2024-04-30')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'interest: principal.amount: must not be negative (-100.00)\n',
    });
    expect(cli('--jurisdiction', 'GB', '--principal', '-100.00', '--currency', 'GBP', '--due', '2024-01-31', '--until', '2024-04-30')).toMatchObject({
      code: 1,
      stderr: 'interest: principal.amount: must not be negative (-100.00)\n',
    });
    expect(cli(...gb.slice(0, -1), '2024-01-01').stderr).toBe('interest: until: 2024-01-01 is before the due date 2024-01-31\n');
    expect(cli(...gb, '--payment', '2024-05-01:10.00')).toMatchObject({
      code: 1,
      stderr: 'interest: payments[0].date: 2024-05-01 is after the date interest is computed to (until 2024-04-30)\n',
    });
    expect(cli('--jurisdiction', 'ES', ...gb.slice(2))).toMatchObject({ code: 1, stderr: 'interest: jurisdiction: must be one of GB, EU, FR, DE, RU, IL, US-NY, US-CA\n' });
    expect(cli(...gb.slice(0, 4), '--currency', 'EUR', ...gb.slice(6))).toMatchObject({
      code: 1,
      stderr: 'interest: principal.currency: GB statutory interest is computed for debts in GBP, not EUR (use contractual terms for a debt in another currency)\n',
    });
    const israel = cli('--jurisdiction', 'IL', '--principal', '1000', '--currency', 'ILS', '--due', '2025-01-31', '--until', '2025-03-01');
    expect(israel.code).toBe(1);
    expect(israel.stderr).toMatch(/^interest: IL: Israeli statutory interest and linkage/);
  });

  it('usage errors: exit 2 with the usage', () => {
    const missing = cli('--jurisdiction', 'GB', '--principal', '1000.00', '--currency', 'GBP', '--due', '2024-01-31');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^interest: missing --until\nUsage: npm run cli -- interest/);
    expect(cli(...gb, '--rate', '8').code).toBe(2);
    expect(cli(...gb, '--payment', '400.00').stderr).toMatch(/^interest: --payment must be DATE:AMOUNT such as 2024-03-01:400.00, not "400.00"\n/);
    expect(cli(...gb, '--contract-rate', '8 percent').stderr).toMatch(/^interest: --contract-rate must look like 8%\/year or 1.5%\/month, not "8 percent"\n/);
    expect(cli(...gb, '--contract-rate', '8%/year', '--no-interest').code).toBe(2);
    expect(cli('--help')).toMatchObject({ code: 0, stderr: '' });
  });
});
