// English function words plus the verbs of attribution every report uses ("said", "told"): they
// carry no information about which event an article reports. Kept small on purpose: recurring news
// vocabulary ("court", "vote") is left to IDF, which weighs it by how common it really is. The
// last lines are the same for Chinese and Japanese, whose words the tokenizer cuts with the
// runtime's segmenter (spaceless.ts): the characters and endings that only join a sentence.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each even ever every few for from further get gets got had hadn't has hasn't have haven't
having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll
i'm i've if in into is isn't it it's its itself just let's like made make many may me might more most
much must mustn't my myself new no nor not now of off on once one only or other ought our ours
ourselves out over own per rather really said same say says saying shan't she she'd she'll she's
should shouldn't since so some still such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through to told too under
until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's
where where's whether which while who who's whom whose why why's will with within without won't would
wouldn't yet you you'd you'll you're you've your yours yourself yourselves ll re ve s t d m
的 了 在 是 和 与 也 就 都 而 及 或 被 把 对 为 以 于 之 其 这 那 着 过 将 又 说 表示
した して する され された ている について による により など から まで ため こと もの です ます この その`.split(/\s+/),
);
