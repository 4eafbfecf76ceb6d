// The civic taxonomy's fixed ids and parents (HELPERS.md), each with a short description in our own
// words. The descriptions are seed text for the topic classifier (scripts/train-topics.ts): every
// comma-separated phrase becomes one tiny training document of its category, so a category whose
// AllSides topics are rare or absent from the training years (war and peace, housing, science)
// still knows its own vocabulary. Used by scripts only; they ship as learned numbers, never as text.
// When the built-in `civic` pack carries descriptions, they can replace these.

export interface SeedCategory {
  id: string;
  parent?: string;
  description: string;
}

export const CIVIC_CATEGORIES: readonly SeedCategory[] = [
  { id: 'politics', description: 'government and politics, political parties, Republicans and Democrats, partisan fights, lawmakers and governors, political polls, conservatives and liberals' },
  { id: 'elections', parent: 'politics', description: 'elections and voting, candidates and campaigns, primaries and caucuses, ballots and polling places, voter registration, turnout, election results, campaign finance, redistricting' },
  { id: 'congress', parent: 'politics', description: 'Congress, the Senate and the House of Representatives, senators and representatives, bills and votes on the floor, congressional committees and hearings, the Speaker and majority leader' },
  { id: 'presidency', parent: 'politics', description: 'the presidency, the president and the White House, executive orders, the cabinet and administration officials, press secretary briefings, presidential vetoes and nominations' },
  { id: 'world', description: 'world news, foreign governments and prime ministers, protests abroad, elections in other countries, international news' },
  { id: 'foreign-policy', parent: 'world', description: 'foreign policy and diplomacy, the State Department and secretary of state, ambassadors, summits and treaties, sanctions, the United Nations, allies and alliances' },
  { id: 'war-peace', parent: 'world', description: 'war and peace, armed conflict, invasion, airstrikes and bombing, troops and fighting, ceasefire and peace talks, civil war, refugees fleeing war' },
  { id: 'national-security', description: 'national security and defense, the military and the Pentagon, troops and veterans, terrorism and terror attacks, intelligence agencies, homeland security, nuclear weapons and missiles' },
  { id: 'economy', description: 'the economy and jobs, unemployment and wages, inflation and interest rates, the Federal Reserve, growth and recession, stock markets, banks and businesses' },
  { id: 'taxes-budget', parent: 'economy', description: 'taxes and the federal budget, tax cuts and tax rates, government spending, deficits and the national debt, the debt ceiling, government shutdown, appropriations, Social Security' },
  { id: 'trade', parent: 'economy', description: 'trade, tariffs and trade wars, imports and exports, trade deals and agreements, NAFTA, the World Trade Organization' },
  { id: 'labor', parent: 'economy', description: 'labor and workers, labor unions and strikes, minimum wage, workers rights, collective bargaining, gig workers, workplace safety' },
  { id: 'housing', parent: 'economy', description: 'housing, rent and rents, home prices, mortgages, evictions, homelessness and the homeless, affordable housing, tenants and landlords' },
  { id: 'health', description: 'health, doctors and hospitals, patients, diseases, medicine' },
  { id: 'health-care', parent: 'health', description: 'health care, health insurance, Obamacare and the Affordable Care Act, Medicare and Medicaid, prescription drug prices, abortion and reproductive health, insurers and premiums' },
  { id: 'public-health', parent: 'health', description: 'public health, epidemics and pandemics, virus outbreaks, vaccines and vaccination, the CDC and the World Health Organization, infections and cases, opioid overdoses and addiction, food and drug safety' },
  { id: 'environment', description: 'climate and environment, climate change and global warming, carbon emissions, pollution, the Environmental Protection Agency, endangered species and wildlife, conservation' },
  { id: 'energy', description: 'energy, oil and gas, pipelines, coal, fracking, gasoline prices, electricity and power plants, solar and wind power, nuclear power' },
  { id: 'disasters', description: 'disasters and emergencies, hurricanes and storms, floods, wildfires, earthquakes, tornadoes, evacuations, FEMA disaster relief' },
  { id: 'law', description: 'courts and law, the Supreme Court and its justices, judges and rulings, lawsuits, the Justice Department and attorney general, the FBI, investigations and indictments, the Constitution' },
  { id: 'criminal-justice', parent: 'law', description: 'criminal justice and policing, police officers, crime and arrests, prisons and jails, shootings and murders, prosecutors and trials, sentencing, the death penalty, drug laws' },
  { id: 'guns', parent: 'law', description: 'guns, gun control and gun rights, the Second Amendment, firearms and rifles, background checks, the NRA, mass shootings' },
  { id: 'civil-rights', description: 'civil rights and liberties, racism and discrimination, racial justice, LGBT rights and same-sex marriage, transgender rights, women\'s rights, free speech, religious liberty' },
  { id: 'immigration', description: 'immigration, immigrants and migrants, the border and the border wall, deportation, asylum seekers, undocumented immigrants, DACA, visas' },
  { id: 'education', description: 'education, schools and teachers, students, colleges and universities, student loans, school choice and charter schools, curriculum' },
  { id: 'technology', description: 'technology and privacy, tech companies, Facebook, Google and Apple, social media platforms, data privacy, hacking and cybersecurity, surveillance, artificial intelligence' },
  { id: 'media', description: 'media, journalists and news outlets, the press, television networks, media bias, fake news and misinformation, fact checks' },
  { id: 'science', description: 'science, scientists and research, space exploration and NASA, physics, biology, discoveries and studies' },
  { id: 'transportation', description: 'transportation and infrastructure, roads and bridges, highways, railways and trains, airlines and airports, public transit, infrastructure spending' },
];

export const CIVIC_IDS: readonly string[] = CIVIC_CATEGORIES.map((c) => c.id);
export const CIVIC_PARENT: ReadonlyMap<string, string> = new Map(CIVIC_CATEGORIES.flatMap((c) => (c.parent ? [[c.id, c.parent] as const] : [])));
