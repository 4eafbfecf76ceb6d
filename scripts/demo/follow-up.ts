// A real follow-up of the Alaska summit, told in our own words from public reporting: the White House
// meeting three days later. The same people and the same war, another event: the engine does not
// launch the summit's story on it, but offers it as "maybe related", where the reader may say the
// page is about it. In no feed. Its outlet is the demo site itself, so no outlet's report is implied.
import type { DemoArticle } from './types';

export const FOLLOW_UP: DemoArticle = {
  outlet: 'Demo Newsstand',
  headline: 'Zelensky and European leaders meet Trump at the White House',
  published: '2025-08-18T19:40:00-04:00',
  note: "Demo page: written for Storyline's demo in our own words from public reporting of the meeting; not any outlet's text.",
  body: [
    'Volodymyr Zelensky sat down with Donald Trump in the Oval Office on Monday, and this time he did not come alone: seven European leaders flew to Washington to be at the table with him.',
    'The meeting came three days after Trump and Vladimir Putin met in Alaska, a summit that ended with no ceasefire and left Kyiv and its allies worried about what had been agreed without them.',
    'The talks turned on what would protect Ukraine once the fighting stops. Trump said the United States would help to guarantee its security, without saying in what form, while the Europeans pressed for guarantees firm enough to deter a new invasion.',
    'The visitors included the leaders of Britain, France, Germany, Italy and Finland, the president of the European Commission and the secretary general of NATO.',
    'Trump broke off the meeting to telephone Putin. Afterwards he said he had started to arrange talks between the Russian and Ukrainian presidents, to be followed by a meeting of all three.',
    'Zelensky called it his best conversation with Trump so far. No date or place was set for any meeting, and Moscow did not confirm that one would take place.',
  ],
};
