import { describe, expect, it } from 'vitest';
import { readyLadders } from '#ladders/ready-ladders.ts';

describe('ready ladders', () => {
  it('tracking is −3, +3, +7, +15, +30, +45 calendar days', () => {
    expect(readyLadders.tracking!.stages.map((s) => `${s.offset.days}${s.offset.unit[0]}`)).toEqual(['-3c', '3c', '7c', '15c', '30c', '45c']);
  });
  it('the pressure scale has the seven steps, in business days, calls as tasks at mid-day', () => {
    const stages = readyLadders['pressure-scale']!.stages;
    expect(stages).toHaveLength(7);
    expect(stages.every((s) => s.offset.unit === 'business')).toBe(true);
    expect(stages.filter((s) => s.channel === 'task' && s.template === 'call').map((s) => s.at)).toEqual(['13:00', '13:00']);
    expect(stages.at(-2)!.template).toBe('final-demand');
  });
  it('a gentler variant waits longer and offers a plan before any formal step', () => {
    const gentle = readyLadders.gentle!.stages.map((s) => s.template);
    expect(gentle.indexOf('payment-plan-offer')).toBeLessThan(gentle.indexOf('final-demand'));
    expect(readyLadders.gentle!.stages.at(-1)!.offset.days).toBeGreaterThan(readyLadders.tracking!.stages.at(-1)!.offset.days);
  });
});
