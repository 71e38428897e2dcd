import { layout, MailLanguage, RenderedMail } from '../../mail/templates/render';

const when = (lang: MailLanguage, d: Date) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: 'Europe/Oslo',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

export function newPoolEventMail(
  lang: MailLanguage,
  d: { name: string; title: string; agency: string; startsOn: string; url: string },
): RenderedMail {
  if (lang === 'en')
    return {
      ...layout(
        'en',
        `New in the pool: ${d.title}`,
        [
          `Hello ${d.name},`,
          `${d.agency} is holding "${d.title}" from ${d.startsOn} and would like help from apprentices across the area.`,
          'Let your apprentices know: they can sign up in Lærenett, and you approve their sign-ups.',
        ],
        { label: 'See the event', url: d.url },
      ),
      subject: `New event in the pool: ${d.title}`,
    };
  return {
    ...layout(
      'nb',
      `Nytt i poolen: ${d.title}`,
      [
        `Hei, ${d.name}!`,
        `${d.agency} holder «${d.title}» fra ${d.startsOn} og ønsker hjelp fra lærlinger i hele departementsområdet.`,
        'Si fra til lærlingene deres: de melder seg på i Lærenett, og dere godkjenner påmeldingene.',
      ],
      { label: 'Se arrangementet', url: d.url },
    ),
    subject: `Nytt arrangement i poolen: ${d.title}`,
  };
}

export function returnedPoolEventMail(lang: MailLanguage, d: { name: string; title: string; comment: string; url: string }): RenderedMail {
  if (lang === 'en')
    return {
      ...layout(
        'en',
        `Sent back: ${d.title}`,
        [`Hello ${d.name},`, 'The ministry has sent the event back with this comment:', d.comment, 'Change it and send it again.'],
        { label: 'Open the event', url: d.url },
      ),
      subject: `The event was sent back: ${d.title}`,
    };
  return {
    ...layout(
      'nb',
      `Sendt tilbake: ${d.title}`,
      [
        `Hei, ${d.name}!`,
        'Departementet har sendt arrangementet tilbake med denne kommentaren:',
        d.comment,
        'Endre det og send det inn på nytt.',
      ],
      { label: 'Åpne arrangementet', url: d.url },
    ),
    subject: `Arrangementet ble sendt tilbake: ${d.title}`,
  };
}

export function approvalNeededMail(
  lang: MailLanguage,
  d: { name: string; apprentice: string; title: string; startsAt: Date; url: string },
): RenderedMail {
  if (lang === 'en')
    return {
      ...layout(
        'en',
        'A sign-up to approve',
        [
          `Hello ${d.name},`,
          `${d.apprentice} wants to help at "${d.title}", ${when('en', d.startsAt)}. As their agency, you approve or decline.`,
        ],
        { label: 'Approve or decline', url: d.url },
      ),
      subject: `Approve: ${d.apprentice} at ${d.title}`,
    };
  return {
    ...layout(
      'nb',
      'En påmelding å godkjenne',
      [
        `Hei, ${d.name}!`,
        `${d.apprentice} vil hjelpe til på «${d.title}», ${when('nb', d.startsAt)}. Som virksomheten deres godkjenner eller avslår dere.`,
      ],
      { label: 'Godkjenn eller avslå', url: d.url },
    ),
    subject: `Godkjenn: ${d.apprentice} på ${d.title}`,
  };
}

export function decisionMail(
  lang: MailLanguage,
  d: { name: string; title: string; startsAt: Date; approved: boolean; note: string; url: string },
): RenderedMail {
  if (lang === 'en') {
    const head = d.approved ? `You are on: ${d.title}` : `Not this time: ${d.title}`;
    const body = d.approved
      ? `Your agency has approved your help at "${d.title}", ${when('en', d.startsAt)}.`
      : `Your agency has declined your sign-up for "${d.title}", ${when('en', d.startsAt)}.`;
    return {
      ...layout('en', head, [`Hello ${d.name},`, body, ...(d.note ? [d.note] : [])], { label: 'See your shifts', url: d.url }),
      subject: head,
    };
  }
  const head = d.approved ? `Du er med: ${d.title}` : `Ikke denne gangen: ${d.title}`;
  const body = d.approved
    ? `Virksomheten din har godkjent at du hjelper til på «${d.title}», ${when('nb', d.startsAt)}.`
    : `Virksomheten din har avslått påmeldingen din til «${d.title}», ${when('nb', d.startsAt)}.`;
  return {
    ...layout('nb', head, [`Hei, ${d.name}!`, body, ...(d.note ? [d.note] : [])], { label: 'Se vaktene dine', url: d.url }),
    subject: head,
  };
}

export function helpRequestMail(
  lang: MailLanguage,
  d: { name: string; subject: string; requester: string; description: string; url: string },
): RenderedMail {
  if (lang === 'en')
    return {
      ...layout(
        'en',
        `Help wanted: ${d.subject}`,
        [
          `Hello ${d.name},`,
          `${d.requester} asks the competence apprentices for ${d.subject}:`,
          d.description,
          'The first to take it owns it.',
        ],
        { label: 'Take the request', url: d.url },
      ),
      subject: `Help wanted with ${d.subject}`,
    };
  return {
    ...layout(
      'nb',
      `Hjelp ønskes: ${d.subject}`,
      [
        `Hei, ${d.name}!`,
        `${d.requester} ber kompetanselærlingene i ${d.subject} om hjelp:`,
        d.description,
        'Den som tar forespørselen først, har den.',
      ],
      { label: 'Ta forespørselen', url: d.url },
    ),
    subject: `Hjelp ønskes med ${d.subject}`,
  };
}
