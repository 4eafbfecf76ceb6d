// A made-up local story on another subject: an article page that must match no story at all, for the
// tests of pages that are not about a stored story. It is in no feed.
import type { DemoArticle } from './types';

export const UNRELATED: DemoArticle = {
  outlet: 'Millbrook Ledger',
  headline: 'Millbrook council approves protected bike lane on Harbor Street',
  published: '2026-10-07T21:15:00-05:00',
  body: [
    'The Millbrook city council voted 6 to 1 on Tuesday night to build a protected bike lane along the full length of Harbor Street, ending nearly two years of debate over the busy corridor between the train station and the riverfront park.',
    'The lane will run on both sides of the street behind a row of concrete planters, and the city will remove about forty parking spaces to make room for it. Work is expected to start next spring and to finish before the end of summer.',
    'Supporters filled the chamber, many of them parents who said their children ride to Harbor Street Elementary on the sidewalk because the road feels too dangerous. Three crashes involving cyclists were reported on the street last year, according to the police department.',
    'Several shop owners asked the council to delay the vote, worried that losing parking in front of their stores would cost them customers. The council added a loading zone on each block and asked staff to report back on sales taxes from the corridor after one year.',
    'The project is estimated to cost 1.8 million dollars, most of it covered by a state transportation grant the city won in the spring. Council member Rosa Delgado, who cast the only vote against, said she supported bike lanes but wanted the money spent first on repaving Mill Road.',
  ],
};
