import { DateTime } from 'luxon';
import { GATHERING_TIME_ZONE } from '@laerenett/shared-domain';
import { layout, MailLanguage, RenderedMail } from '../../mail/templates/render';
import type { FanOutKind } from '../jobs/fan-out.job';

export interface GatheringMailData {
  title: string;
  theme: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string;
  name: string;
  yesUrl: string;
  noUrl: string;
}

/** The last few times written out: a fan-out writes the same gathering's time for every recipient. */
const WHEN_CACHE = new Map<string, string>();

export function when(lang: MailLanguage, startsAt: Date, endsAt: Date): string {
  const key = `${lang}|${startsAt.getTime()}|${endsAt.getTime()}`;
  let text = WHEN_CACHE.get(key);
  if (text === undefined) {
    text = writeWhen(lang, startsAt, endsAt);
    if (WHEN_CACHE.size >= 64) WHEN_CACHE.clear();
    WHEN_CACHE.set(key, text);
  }
  return text;
}

function writeWhen(lang: MailLanguage, startsAt: Date, endsAt: Date): string {
  const s = DateTime.fromJSDate(startsAt, { zone: GATHERING_TIME_ZONE }).setLocale(lang === 'en' ? 'en-GB' : 'nb');
  const e = DateTime.fromJSDate(endsAt, { zone: GATHERING_TIME_ZONE });
  return `${s.toFormat(lang === 'en' ? 'cccc d LLLL yyyy' : 'cccc d. LLLL yyyy')}, ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')}`;
}

const T = {
  nb: {
    invite: (t: string) => `Invitasjon: ${t}`,
    update: (t: string) => `Endret: ${t}`,
    cancel: (t: string) => `Avlyst: ${t}`,
    hello: (n: string) => `Hei, ${n}!`,
    intro: {
      invite: 'Du er invitert til en nettverkssamling.',
      update: 'Nettverkssamlingen er endret. Her er det som gjelder nå.',
      cancel: 'Nettverkssamlingen er avlyst.',
    },
    when: 'Når',
    where: 'Hvor',
    video: 'Videolenke',
    theme: 'Tema',
    agenda: 'Program',
    yes: 'Ja, jeg kommer',
    no: { lead: 'Kan du ikke komme?', label: 'Svar nei' },
    calendar: 'Kalenderfilen er vedlagt.',
    promoted: (t: string) => `Du har fått plass: ${t}`,
    reminder: (t: string) => `Påminnelse: ${t}`,
    reminderIntro: 'Velkommen! Dette er en påminnelse om nettverkssamlingen du har meldt deg på.',
    nudge: (t: string) => `Kommer du? ${t}`,
    nudgeIntro: 'Vi har ikke fått svar fra deg ennå. Gi beskjed om du kommer, så vi kan planlegge.',
    promotedIntro: 'Det ble ledig plass, og du sto først på ventelisten. Du er nå påmeldt.',
  },
  en: {
    invite: (t: string) => `Invitation: ${t}`,
    update: (t: string) => `Changed: ${t}`,
    cancel: (t: string) => `Cancelled: ${t}`,
    hello: (n: string) => `Hello ${n},`,
    intro: {
      invite: 'You are invited to a network gathering.',
      update: 'The network gathering has changed. This is what applies now.',
      cancel: 'The network gathering is cancelled.',
    },
    when: 'When',
    where: 'Where',
    video: 'Video link',
    theme: 'Theme',
    agenda: 'Agenda',
    yes: 'Yes, I will come',
    no: { lead: 'Cannot come?', label: 'Answer no' },
    calendar: 'The calendar file is attached.',
    promoted: (t: string) => `You have a place: ${t}`,
    reminder: (t: string) => `Reminder: ${t}`,
    reminderIntro: 'Welcome! This is a reminder of the network gathering you have signed up for.',
    nudge: (t: string) => `Are you coming? ${t}`,
    nudgeIntro: 'We have not heard from you yet. Let us know whether you are coming, so that we can plan.',
    promotedIntro: 'A place became free and you were first on the waitlist. You are now signed up.',
  },
};

export function gatheringMail(lang: MailLanguage, kind: FanOutKind, d: GatheringMailData): RenderedMail {
  const t = T[lang];
  const lines = [
    t.hello(d.name),
    t.intro[kind],
    `${t.when}: ${when(lang, d.startsAt, d.endsAt)}`,
    ...(d.place ? [`${t.where}: ${d.place}`] : []),
    ...(d.videoUrl ? [`${t.video}: ${d.videoUrl}`] : []),
    ...(d.theme ? [`${t.theme}: ${d.theme}`] : []),
    ...(d.agenda && kind !== 'cancel' ? [`${t.agenda}: ${d.agenda}`] : []),
    t.calendar,
  ];
  const m =
    kind === 'cancel'
      ? layout(lang, d.title, lines)
      : layout(lang, d.title, lines, { label: t.yes, url: d.yesUrl }, { ...t.no, url: d.noUrl });
  const subject = kind === 'invite' ? t.invite(d.title) : kind === 'update' ? t.update(d.title) : t.cancel(d.title);
  return { ...m, subject: `${subject} – ${when(lang, d.startsAt, d.endsAt)}` };
}

export function promotedMail(
  lang: MailLanguage,
  d: Pick<GatheringMailData, 'title' | 'startsAt' | 'endsAt' | 'place' | 'name'>,
): RenderedMail {
  const t = T[lang];
  const m = layout(lang, d.title, [
    t.hello(d.name),
    t.promotedIntro,
    `${t.when}: ${when(lang, d.startsAt, d.endsAt)}`,
    ...(d.place ? [`${t.where}: ${d.place}`] : []),
  ]);
  return { ...m, subject: t.promoted(d.title) };
}

export function reminderMail(lang: MailLanguage, kind: 'reminder' | 'nudge', d: GatheringMailData): RenderedMail {
  const t = T[lang];
  const lines = [
    t.hello(d.name),
    kind === 'reminder' ? t.reminderIntro : t.nudgeIntro,
    `${t.when}: ${when(lang, d.startsAt, d.endsAt)}`,
    ...(d.place ? [`${t.where}: ${d.place}`] : []),
    ...(d.videoUrl ? [`${t.video}: ${d.videoUrl}`] : []),
  ];
  const m = layout(lang, d.title, lines, kind === 'nudge' ? { label: t.yes, url: d.yesUrl } : undefined, { ...t.no, url: d.noUrl });
  return { ...m, subject: `${kind === 'reminder' ? t.reminder(d.title) : t.nudge(d.title)} – ${when(lang, d.startsAt, d.endsAt)}` };
}
