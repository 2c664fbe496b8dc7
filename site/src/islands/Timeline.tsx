import type { PlannedStage } from '../../../templates/domain/ladder/plan-ladder.ts';
import type { SiteT } from '../lib/site-t.ts';
import { templateName } from '../lib/template-name.ts';

/** The planned stages, in order, each with its local date and time in the client's zone and why it moved. */
export function Timeline({ t, stages, ownerZone, picked, onPick }: { t: SiteT; stages: PlannedStage[]; ownerZone: string; picked?: number | undefined; onPick?: ((index: number) => void) | undefined }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {stages.map((s) => {
        const local = new Intl.DateTimeFormat(t.locale, { timeStyle: 'short', timeZone: s.timeZone }).format(new Date(s.instant));
        const owner = ownerZone !== s.timeZone ? t.dateTime(s.instant, ownerZone) : undefined;
        return (
          <li key={s.key} className={`stage channel-${s.channel} stage-is-${s.status}`} aria-current={picked === s.index ? 'true' : undefined}>
            <p className="when">
              <time dateTime={s.instant}>{t.t('timeline.when', { date: t.date(s.localDate, 'weekday'), time: local, zone: t.ltr(s.timeZone) })}</time>
            </p>
            <p className="what">
              <span className="channel">{t.t(s.channel === 'email' ? 'timeline.letter' : 'timeline.task')}</span> <span className="template">{templateName(t, s.template)}</span>
            </p>
            {owner ? <p className="hint">{t.t('timeline.yourTime', { time: owner })}</p> : null}
            {s.shifts.map((shift, i) => (
              <p key={i} className="shift">
                {shift.kind === 'weekend'
                  ? t.t('timeline.movedWeekend', { from: t.date(shift.from, 'weekday') })
                  : shift.kind === 'holiday'
                    ? t.t('timeline.movedHoliday', { from: t.date(shift.from, 'weekday'), name: t.ltr(shift.name ?? '') })
                    : t.t('timeline.movedAfterPrevious', { from: t.date(shift.from, 'weekday') })}
              </p>
            ))}
            {s.status === 'skipped' ? <p className="skipped">{t.t(s.skipReason === 'before-issue' ? 'timeline.skippedBeforeIssue' : 'timeline.skippedMissed')}</p> : null}
            {s.caughtUp ? <p className="shift">{t.t('timeline.caughtUp')}</p> : null}
            {onPick && s.channel === 'email' ? (
              <button type="button" className="link" onClick={() => onPick(s.index)} aria-pressed={picked === s.index}>
                {t.t('timeline.previewLetter', { template: templateName(t, s.template) })}
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
