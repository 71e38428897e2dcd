import { gatheringIcs, gatheringIcsForEach, IcsGathering } from '../ics.util';

const event: IcsGathering = {
  id: '7d0c1c5e-0000-4000-8000-000000000001',
  sequence: 2,
  cancelled: false,
  title: 'Nettverkssamling: lærlinger, veiledere og «alle» andre; en ganske lang tittel som må brettes over flere linjer',
  description: 'Tema\n\nProgram, med komma; og semikolon',
  location: 'Møllergata 1, Oslo',
  url: 'https://laerenett.example/samlinger/7d0c1c5e',
  startsAt: new Date('2030-03-12T09:00:00Z'),
  endsAt: new Date('2030-03-12T11:00:00Z'),
};
const attendees = [
  { name: 'Ola Nordmann', email: 'ola@example.no' },
  {
    name: 'Åse "Quote" Ødegård, Jr.; med et svært langt navn som går langt forbi linjegrensen på syttifem oktetter',
    email: 'aase.odegaard.med.en.lang.adresse@underavdeling.virksomhet.example.no',
  },
  { name: 'Back\\slash 😀 Emoji', email: 'e@x.no' },
  { name: '', email: 'no-name@x.no' },
];

describe('gatheringIcsForEach', () => {
  const now = new Date('2029-12-01T08:00:00Z');
  for (const method of ['REQUEST', 'CANCEL'] as const) {
    it(`gives each attendee exactly what gatheringIcs gives (${method})`, () => {
      const opts = { method, organizer: { name: 'Leder, «Nettverk»', email: 'lead@example.no' } };
      const forEach = gatheringIcsForEach([{ ...event, cancelled: method === 'CANCEL' }], opts, now);
      for (const a of attendees)
        expect(forEach(a)).toBe(gatheringIcs([{ ...event, cancelled: method === 'CANCEL' }], { ...opts, attendee: a }, now));
    });
  }
});
