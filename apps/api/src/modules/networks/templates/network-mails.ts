import { layout, MailLanguage, RenderedMail } from '../../mail/templates/render';

export function mentorMail(
  lang: MailLanguage,
  d: { name: string; other: string; otherAgency: string | null; role: 'mentor' | 'mentee'; kind: 'APPRENTICE' | 'LEADER'; url: string },
): RenderedMail {
  const at = d.otherAgency ? (lang === 'en' ? ` at ${d.otherAgency}` : ` i ${d.otherAgency}`) : '';
  if (lang === 'en') {
    const what = d.kind === 'APPRENTICE' ? 'the buddy scheme for apprentices' : 'the buddy scheme for professional leaders';
    const line =
      d.role === 'mentor'
        ? `You are now the buddy of ${d.other}${at}, who is new. Get in touch, and share what you wish you had known.`
        : `${d.other}${at} is your buddy. They have done this before and are there for your questions.`;
    return {
      ...layout('en', `A buddy in ${what}`, [`Hello ${d.name},`, line], { label: 'See the network in Lærenett', url: d.url }),
      subject: 'You have a buddy pairing in Lærenett',
    };
  }
  const what = d.kind === 'APPRENTICE' ? 'fadderordningen for lærlinger' : 'fadderordningen for faglige ledere';
  const line =
    d.role === 'mentor'
      ? `Du er nå fadder for ${d.other}${at}, som er ny. Ta kontakt og del det du skulle ønske du visste selv.`
      : `${d.other}${at} er fadderen din. Hen har gjort dette før og er der for spørsmålene dine.`;
  return {
    ...layout('nb', `Fadder i ${what}`, [`Hei, ${d.name}!`, line], { label: 'Se nettverket i Lærenett', url: d.url }),
    subject: 'Du har fått en fadderkobling i Lærenett',
  };
}

export function networkInvitationMail(
  lang: MailLanguage,
  d: { name: string; area: string; agency: string; year: number; url: string },
): RenderedMail {
  if (lang === 'en') {
    return {
      ...layout(
        'en',
        `Join the apprentice network ${d.year}`,
        [
          `Hello ${d.name},`,
          `${d.agency} is invited to take part in ${d.area}'s network for everyone who works with apprentices, and in the apprentices' own network.`,
          'The network meets every other month, with a theme each time. Add the people in your agency who work with apprentices, so that they receive the invitations.',
        ],
        { label: 'Open the network in Lærenett', url: d.url },
      ),
      subject: `Invitation to the apprentice network ${d.year}`,
    };
  }
  return {
    ...layout(
      'nb',
      `Bli med i lærlingnettverket ${d.year}`,
      [
        `Hei, ${d.name}!`,
        `${d.agency} inviteres til å delta i nettverket i ${d.area} for alle som jobber med lærlinger, og i lærlingenes eget nettverk.`,
        'Nettverket møtes annenhver måned, med et tema hver gang. Legg til de i virksomheten som jobber med lærlinger, så får de invitasjonene.',
      ],
      { label: 'Åpne nettverket i Lærenett', url: d.url },
    ),
    subject: `Invitasjon til lærlingnettverket ${d.year}`,
  };
}
