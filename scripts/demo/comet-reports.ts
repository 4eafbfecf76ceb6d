// A made-up second event for the demo's feeds: an amateur astronomer's new comet, reported by four of
// the demo outlets. Everything in it is invented (the comet, the people, the club, the figures), and
// each page says so. It lets `npm start` show a story built from the reader's feeds beside the
// starter pack's. The texts name no date or weekday: the reports are dated relative to the demo's
// start (see EventReport), so a sentence must not contradict whatever day that is.
import type { EventReport } from './types';

/** The event's name in log lines and page markers. */
export const COMET_EVENT = 'comet-tulloch';

export const COMET_REPORTS: readonly EventReport[] = [
  {
    outlet: '7NEWS',
    headline: "Outback teacher's backyard telescope finds a new comet",
    hoursAgo: 30,
    body: [
      'A retired science teacher from Broken Hill has become the first person to spot a comet that astronomers now say could be visible to the naked eye from Australia in about two months.',
      'Maree Tulloch, 58, found the faint smudge of light on images taken with the 35-centimetre telescope she built in her backyard, ten kilometres outside the far-west New South Wales city. Comparing frames taken twenty minutes apart, she saw that it had shifted against the background stars.',
      '"I thought it was a smudge on the mirror at first," she told 7NEWS. "Then it moved, and I didn\'t sleep much after that."',
      'Observers in Chile, South Africa and India photographed the object within 36 hours of her report and confirmed that it has a small fuzzy head and a short tail, the marks of a comet. It now carries her name: Comet Tulloch.',
      'Early calculations put it on a long orbit that last brought it near the Sun about 4,000 years ago. It is expected to pass 90 million kilometres from the Sun in around seven weeks, and will come no closer than 135 million kilometres to Earth.',
      'For now it can only be seen through a telescope. If it brightens as forecast, southern skywatchers should be able to find it low in the west after dusk with binoculars, and perhaps without them under dark country skies.',
      'Members of the Broken Hill astronomy club Ms Tulloch helped to found said the discovery had already brought a wave of enquiries from students wanting to join.',
      'Astronomers cautioned that comets are hard to predict, and that Comet Tulloch could fade or break apart as it nears the Sun.',
    ],
  },
  {
    outlet: 'ANI',
    headline: 'Pune skywatchers among first to confirm new Comet Tulloch, may be visible from India',
    hoursAgo: 24,
    body: [
      'An amateur astronomy group from Pune was among the first in the world to confirm a new comet found by an Australian skywatcher, and the comet may be visible from India in the evening sky in about two months.',
      "Members of the Deccan Skywatchers' Association photographed Comet Tulloch from a dark site near Junnar within a day of its discovery being reported by Maree Tulloch, a retired teacher in Broken Hill, Australia.",
      '"We had clear skies for about forty minutes before the clouds came in, and that was enough," said the group\'s secretary, Anand Kulkarni. "Three of our members stacked the images and the tail was already there."',
      'Observers in Chile and South Africa also reported the object, and its nature as a comet is now confirmed.',
      'According to preliminary orbit calculations, the comet will make its closest approach to the Sun in about seven weeks, at a distance of around 90 million kilometres. It poses no threat to Earth and will stay at least 135 million kilometres away.',
      'For viewers in India, the comet is expected to appear low in the western sky after sunset a few weeks after it rounds the Sun, best seen at first from the south of the country. Binoculars will likely be needed.',
      'Astronomers urged the public to get away from light-polluted city skies and cautioned that the brightness of the comet remains uncertain.',
    ],
  },
  {
    outlet: 'SocialNews.XYZ',
    headline: 'New comet found by Australian amateur could be seen with the naked eye, astronomers say',
    hoursAgo: 20,
    body: [
      'New Delhi (SocialNews.XYZ) A comet discovered by an amateur astronomer in Australia could grow bright enough to be seen without a telescope, astronomers have said, after observers on three continents confirmed the find.',
      'Comet Tulloch is named after Maree Tulloch, a retired teacher who spotted it from her home near Broken Hill in New South Wales through a telescope she built herself.',
      'Early orbit estimates suggest it is a long-period comet that last came near the Sun around 4,000 years ago.',
      'It is due to pass closest to the Sun in roughly seven weeks, about 90 million km away, and will stay more than 135 million km from Earth.',
      "An amateur group in Pune, the Deccan Skywatchers' Association, was among those that confirmed the discovery, along with observers in Chile and South Africa.",
      'If the comet brightens as expected, it could be seen with the naked eye from dark places in the southern hemisphere, and from southern India low in the western evening sky.',
      'Scientists noted that forecasts of comet brightness are often wrong, and that some comets break up when they get close to the Sun.',
    ],
  },
  {
    outlet: 'Hot Buzz',
    headline: "Comet Tulloch: what we know about the 'backyard comet' everyone is talking about",
    hoursAgo: 12,
    body: [
      'Social media has found its new favourite space story: a comet discovered by a retired teacher with a homemade telescope in outback Australia.',
      'Comet Tulloch, named after Maree Tulloch of Broken Hill, was confirmed by observers in Chile, South Africa and India within a day and a half of her first report. Her photos of the faint fuzzy dot have since been shared thousands of times.',
      '## Where did it come from?',
      'Astronomers think the comet travels on a very long orbit and last swung past the Sun some 4,000 years ago, long before anyone could have written down its name.',
      '## Can I see it?',
      'Not yet, unless you own a decent telescope. It should pass closest to the Sun in about seven weeks, and if it brightens as predicted it could become a binocular or even naked-eye sight in the evening sky, best from the southern hemisphere.',
      '## Is it dangerous?',
      'No. Comet Tulloch will stay at least 135 million kilometres from Earth, almost as far away as the Sun itself.',
      '## Why is everyone so excited?',
      'These days most new comets are found by automated survey telescopes, so a backyard discovery by an amateur has become rare. Ms Tulloch\'s own post about the find, in which she admitted she first took it for a smudge on her mirror, has passed 200,000 likes.',
      'Experts warn that comets are famously unpredictable, so keep expectations in check: this one may yet fizzle out.',
    ],
  },
];
