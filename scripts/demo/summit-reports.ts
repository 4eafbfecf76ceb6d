// The five reports of the 2025-08-15 Alaska summit, one per outlet of the starter pack, in seed
// order. Outlets, headlines, times, names and figures are the seed pages' facts (the starter pack
// carries the same ones); every sentence is written for the demo, each in its outlet's framing:
// 7NEWS a wire-style report that weighs who came out ahead, SocialNews.XYZ a datelined wire story
// with an Indian angle, Hot Buzz a chatty explainer with the history, ANI an account of the
// aftermath, The Defense News a sectioned briefing. Quotes are kept to a few words or told in
// indirect speech, so the pages quote no sentence of the seeds.
import type { SummitReport } from './types';

export const SUMMIT_REPORTS: readonly SummitReport[] = [
  {
    seed: '000_2fba5983d4e804f5.txt',
    outlet: '7NEWS',
    headline: "'No deal' as talks between Trump and Putin finish up at summit",
    published: '2025-08-15T19:56:54-04:00',
    body: [
      'Donald Trump and Vladimir Putin have left their Alaska summit without an agreement to stop the fighting in Ukraine, after talks at a US air base in Anchorage that both men described in upbeat terms but that produced nothing either could point to.',
      'A ceasefire had been the American president\'s declared aim going in. By the time the pair walked out to face the cameras there was no sign of one, and neither of them took a single question from the waiting press.',
      'It was their first face-to-face meeting since 2019. They sat down with senior advisers under a blue banner bearing the slogan "Pursuing Peace": Secretary of State Marco Rubio and envoy Steve Witkoff on the American side, Foreign Minister Sergei Lavrov and Kremlin aide Yury Ushakov on the Russian.',
      'Speaking first, Putin said the war could end only once what he called its root causes were removed, casting it as a question of Russia\'s own security and of a new security balance for Europe. He allowed that Ukraine\'s security had to be guaranteed too, and said he hoped the understanding reached in Anchorage would open a road to peace.',
      'As the appearance wrapped up, Putin switched to English to propose Moscow for their next meeting. Trump conceded the idea would draw fire at home, but did not rule it out.',
      'John Bolton, national security adviser in Trump\'s first term, was blunt soon afterwards: in his view Putin had dodged fresh sanctions and any ceasefire commitment, while Trump flew home with little more than the promise of further meetings.',
      'Volodymyr Zelenskiy was not at the table. Kyiv and its European partners fear an arrangement that would in effect freeze the front line and leave Moscow holding about a fifth of Ukraine. Before boarding Air Force One, Trump insisted he was not there to bargain on Ukraine\'s behalf and that any exchange of land was for Ukrainians to decide.',
      'On Telegram, Zelenskiy said the steps needed to end the war were Moscow\'s to take and that Ukraine was relying on Washington. Hours before the meeting, a Russian ballistic missile struck the Dnipropetrovsk region, leaving one person dead and another injured.',
      'Putin is the subject of an International Criminal Court warrant over the deportation of Ukrainian children, which the Kremlin dismisses; neither Russia nor the United States belongs to the court. In May, Trump\'s Ukraine envoy Keith Kellogg put the number of killed and wounded on both sides at about 1.2 million.',
      'Trump had warned before the summit of "economically severe" consequences if it went badly, and said the Russian business figures travelling with Putin would do no deals in America until the war was settled.',
    ],
  },
  {
    seed: '001_3ea52ffa7bd15996.txt',
    outlet: 'SocialNews.XYZ',
    headline: 'Trump, Putin announce breakthrough on Ukraine after three hours of talks',
    published: '2025-08-15T20:28:43-04:00',
    body: [
      'New York, Aug 16 (SocialNews.XYZ) Donald Trump and Vladimir Putin, the American and Russian presidents, spoke of a breakthrough on Ukraine on Friday at the end of three hours of talks in Anchorage, Alaska, though neither leader said what had actually been agreed.',
      'Trump called the meeting very productive and said the two sides had found common ground on a large number of points. A few important questions were still open, one of them the most significant of all, but he said there was a good chance of settling it.',
      'There was no word from either side on whether a ceasefire would follow.',
      'For India, the outcome matters directly: a settlement could make the 25 per cent penalty tariff that Washington has threatened over New Delhi\'s purchases of Russian crude irrelevant.',
      'Trump said he would brief NATO allies and phone Ukrainian President Volodymyr Zelensky about the talks. On his way to Alaska he had said he would not negotiate for Ukraine and that any deal was for Kyiv to make, and at the joint appearance he stressed that nothing was agreed until it was signed.',
      'Putin said Moscow wanted relations with Washington to move from confrontation towards dialogue. He described Russians and Ukrainians as peoples of common origin, called the war a tragedy and a deep wound for his country, and said Russia sincerely wanted it over.',
      'Neither president answered questions from journalists.',
      'The summit did not follow the three-stage plan that had been announced. The one-on-one session was dropped and the talks opened directly in a wider group. Trump brought Secretary of State Marco Rubio and his special envoy Steve Witkoff; Putin brought Foreign Minister Sergey Lavrov, Defence Minister Andrei Belousov and his aide Yuri Ushakov. A working lunch with larger delegations did not appear to take place.',
      'Earlier, Trump greeted Putin on a red carpet laid out on the tarmac, and the two kept chatting as they climbed into the presidential limousine together.',
    ],
  },
  {
    seed: '002_39fb0d8063c504fc.txt',
    outlet: 'Hot Buzz',
    headline: 'Trump and Putin End "Productive" Talks without Results',
    published: '2025-08-16T18:24:00+00:00',
    body: [
      'They called it productive and respectful, but the Alaska summit between Donald Trump and Vladimir Putin on Friday ended without the one thing it was supposed to deliver: a way to stop the war in Ukraine.',
      'The two presidents spent about three hours together at Joint Base Elmendorf-Richardson, the largest military installation in Alaska and once a Cold War listening post aimed at the Soviet Union. Afterwards they gave a joint press conference and walked off without taking a question.',
      'Trump said many points had been settled and only a handful remained, adding that a deal only exists once it is done. Putin, who spoke first and for longer, described the negotiations as thorough and useful and said Russia wanted the conflict over, provided its security worries were taken into account.',
      'The Russian leader also had a message for Kyiv and the European capitals: do not get in the way. He warned against provocations or behind-the-scenes scheming meant to derail what he presented as progress, and repeated his call for a fairer balance of security in Europe.',
      'Moscow has long pressed Ukraine to drop its ambition to join NATO and to give up eastern regions that Russia claims. Kyiv has refused, and says any peace must come with guarantees that stop Russia from attacking again. Russian forces had gained ground in the days just before the summit.',
      'There was plenty of theatre. Both leaders flew in on their official planes, and Trump clapped as Putin stepped onto the runway, his first time on Western soil since he ordered the full-scale invasion in 2022. Leaving the stage, Putin smiled and suggested, in English, that they meet next time in Moscow.',
      'Critics have not forgotten Helsinki. At that 2018 summit Trump appeared to accept Putin\'s word over his own intelligence agencies on Russian meddling in the 2016 election, and the backlash followed him for years.',
      'Back in the White House this year, Trump promised a quick peace, blamed Joe Biden for the war and held several calls with Putin, while berating Ukrainian President Volodymyr Zelensky in the Oval Office on February 28. He has since voiced frustration with the Kremlin and threatened very severe consequences if Russia refused a ceasefire, and then agreed to the Alaska meeting anyway.',
      'The venue has its own history: the United States bought Alaska from the Russian Empire in 1867, a sale Moscow likes to cite when it argues that land can change hands legitimately.',
    ],
  },
  {
    seed: '003_dfce9ccb632d16d9.txt',
    outlet: 'ANI',
    headline: "Trump Snubs Reports of 'Major Defeat' After Talks With Putin",
    body: [
      'US President Donald Trump has hit back at media reports that describe his Alaska summit with Russian President Vladimir Putin as a major defeat, dismissing the coverage as fake news in a post on Truth Social.',
      'The two leaders met on August 15, 2025 at Joint Base Elmendorf-Richardson in Anchorage. It was the first time since the full-scale invasion of Ukraine in 2022 that Putin had been received in a Western country. Alaska was chosen as neutral ground with a Russian past, and because the United States is not a party to the Rome Statute of the International Criminal Court, which has issued a warrant for Putin.',
      'Ahead of the meeting, Trump had said he wanted the war ended and that each side would have to give something up. Russian sources suggested Moscow might halt its offensive if it were handed eastern Ukraine.',
      'Special envoy Kirill Dmitriev, Finance Minister Anton Siluanov, Defence Minister Andrey Belousov and Foreign Minister Sergey Lavrov were all in the Russian delegation. Putin also signalled interest in nuclear arms control, including a renewal of the New START treaty before it expires in 2026. White House Press Secretary Karoline Leavitt said the talks would be held three-on-three rather than one-on-one.',
      'The arrival was staged with fighter jets, bombers and a red carpet, but the talks themselves ran for less than three hours and ended without the major agreement many had hoped for. Neither leader took questions at the closing press appearance.',
      'Putin said Russia was committed to ending the war but that a settlement had to deal with what he called its underlying causes, and he cautioned against any attempt to sabotage the negotiations. Trump called the meeting extremely productive, said much had been agreed, and admitted that some crucial questions were still open.',
      'Trump said he now favoured working towards a full peace agreement over a simple ceasefire, and that what happens next depends on whether Ukrainian President Volodymyr Zelenskyy is ready to deal directly with Moscow. He later spoke to Zelenskyy by phone and arranged talks with European leaders and NATO.',
      'In the same Truth Social post, Trump praised what he called a secure Southern Border and promised that American cities would be safe.',
      'The effects reach beyond Washington and Moscow. India faces new US tariffs tied to its imports of Russian oil, a sign of how the war keeps straining trade ties. The idea of Ukraine giving up territory, floated around the meeting, has not been accepted by Kyiv.',
      'Observers say the meeting opened a rare direct line between the two powers but brought no concrete progress, and that any breakthrough now rests on talks with Ukrainian and European leaders.',
    ],
  },
  {
    seed: '004_1012ab5db4e05275.txt',
    outlet: 'The Defense News',
    headline: 'Trump and Putin Meet in Alaska: Productive Talks, But No Ceasefire or Deal',
    body: [
      'Anchorage, August 15, 2025 – President Donald Trump and President Vladimir Putin held close to three hours of talks at Joint Base Elmendorf-Richardson on Friday, their first meeting in person since Russia launched its full-scale invasion of Ukraine in 2022.',
      '## No ceasefire, no agreement',
      'The summit produced neither a ceasefire nor a peace accord. Both presidents still called the session productive, and Trump cautioned that nothing counts until a deal is actually done.',
      'Putin referred to an understanding reached in the room and raised the prospect of another round, offering Moscow as the host.',
      '## Who was in the room',
      'Secretary of State Marco Rubio and Foreign Minister Sergey Lavrov were among the senior officials present. The programme included a red-carpet arrival and a military flyover, and closed with a short joint statement to the press at which neither leader took questions.',
      'Trump said he would debrief NATO leaders and Ukraine\'s Volodymyr Zelenskyy, signalling that no settlement can be reached without Kyiv and its allies.',
      '## Next steps',
      'Trump argued that a comprehensive peace agreement is a better goal than a temporary truce, which in his view tends to collapse. A Washington meeting with Zelenskyy is being prepared, and a three-way summit with Putin could follow.',
      'Putin also put nuclear arms control on the table, a sign the two sides may widen their agenda beyond the war.',
      '## Allies and Kyiv respond',
      'Leaders in France, Germany, the United Kingdom, Italy and other European capitals welcomed the American engagement while insisting that Ukraine be fully involved, that borders not be changed by force, and that support for Kyiv would continue. Ukraine said talks held without it were unacceptable and rejected trading land for peace.',
      '## Assessment',
      'Defense analysts describe the meeting as high-level diplomacy that may only have postponed the difficult choices. Aiming straight for a peace treaty is ambitious, they note, but without firm commitments the risk of a patchy and unstable outcome stays high.',
    ],
  },
];
