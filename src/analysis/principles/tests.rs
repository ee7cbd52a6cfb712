use super::*;
use Principle::*;

fn read(text: &str) -> Vec<PrincipleReading> {
    read_principles(text, &Words::new(text))
}

fn shown(text: &str) -> Vec<Principle> {
    read(text).into_iter().map(|r| r.principle).collect()
}

/// How strongly `text` shows `p` (0 when it does not).
fn score(text: &str, p: Principle) -> f32 {
    read(text)
        .into_iter()
        .find(|r| r.principle == p)
        .map_or(0.0, |r| r.score)
}

fn named(text: &str) -> Vec<(Principle, String)> {
    named_principles(text, &Words::new(text))
        .into_iter()
        .map(|(p, r)| (p, text[r].to_string()))
        .collect()
}

/// (sentence, principles it must show, principles it must not show). Our own sentences, in the styles
/// drafts are written in: first person, "we", resume fragments, setup, learnings.
const CASES: &[(&str, &[Principle], &[Principle])] = &[
    // Engineering senses of words that principles use elsewhere are not evidence.
    ("I wrote the fix, ran the suite and committed it to main.", &[], &[HaveBackbone]),
    ("I tested my changes in staging before the release.", &[], &[AreRightALot]),
    ("We split the monolith by domain into four services.", &[], &[DiveDeep]),
    ("We cut the average page load from 3 seconds to 1.", &[], &[DiveDeep]),
    ("I refactored the parser so any malformed line is skipped.", &[], &[ThinkBig]),
    // A count of test scenarios is no modelling of a call; work nobody had to redo is no care for the team.
    ("I wrote a test plan that covered 40 scenarios for the checkout flow.", &[], &[AreRightALot]),
    ("I automated the export so no engineer had to touch the config again.", &[], &[StriveToBeEarthsBestEmployer]),
    // A cue word in its everyday sense is no evidence: stepping into a room, losing credibility, reading a
    // job description, picking something up.
    ("I stepped into the meeting ten minutes late.", &[], &[Ownership]),
    // Still answering for the work after moving on; someone else who moved on is not the writer.
    (
        "After launch I kept watching the error rate for a month, even though I had moved to another project.",
        &[Ownership],
        &[],
    ),
    ("Although I had left the team, I answered every page about the service until spring.", &[Ownership], &[]),
    ("Even though she had moved to another team, the old owner still got the pages.", &[], &[Ownership]),
    // Bad news told plainly by the writer is candour; told to the writer, it is someone else's.
    ("I told my manager the estimate was wrong and asked for two more weeks.", &[EarnTrust], &[]),
    ("I told the VP that the launch date was unrealistic before we committed to it.", &[EarnTrust], &[]),
    ("My manager told me the estimate was wrong.", &[], &[EarnTrust]),
    // What someone else told the writer is theirs to say: the writer, told, is no subject of it.
    ("My manager told me the outage wasn't my team's responsibility.", &[], &[Ownership]),
    ("The VP asked us about customer churn in the review.", &[], &[CustomerObsession]),
    ("I was told the forecast was too optimistic.", &[], &[EarnTrust]),
    ("I lost credibility with the team after the outage.", &[], &[EarnTrust]),
    ("I read the job description twice before applying.", &[], &[Ownership]),
    ("I picked it up from the front desk on Monday.", &[], &[Ownership]),
    ("I stepped in to run the rollout when our lead left.", &[Ownership], &[]),
    ("I rebuilt my credibility with the sellers by answering every ticket myself.", &[EarnTrust], &[]),
    // An owner in "-'s" before the work: a time is none ("last week's fix" is the writer's), a person is
    // someone else even when theirs is "my" ("my manager's dashboard").
    ("Last week's fix cut checkout errors by 40%.", &[DeliverResults], &[]),
    ("My manager's new dashboard cut reporting time by 60%.", &[], &[DeliverResults]),
    // Customer Obsession
    ("I sat with six warehouse users for a week before writing a single line of the spec.", &[CustomerObsession], &[]),
    ("I joined a dozen support calls to hear what was breaking for the customers.", &[CustomerObsession], &[]),
    ("We worked backwards from the customer's checkout pain rather than from the architecture.", &[CustomerObsession], &[]),
    ("I read through 300 support tickets and grouped them by what the customer was trying to do.", &[CustomerObsession], &[]),
    ("The customer success team owned the renewal process.", &[], &[CustomerObsession, Ownership]),
    // Irregular past forms find the cue written in the present ("speak with ... customers").
    ("I have spoken with twenty customers since the launch.", &[CustomerObsession], &[]),
    // The subject of a subjectless opening clause is the one after it.
    ("After talking to ten customers, I rewrote the onboarding email.", &[CustomerObsession], &[]),
    ("After the vendor talked to our customers, I rescheduled the launch.", &[], &[CustomerObsession]),
    // A named colleague opening a clause is its subject, not the writer.
    ("I set up a rotation where Priya ran the customer interviews.", &[], &[CustomerObsession]),
    ("Customer data lives in three Postgres shards.", &[], &[CustomerObsession]),
    ("I should have talked to customers before building the export feature.", &[], &[CustomerObsession]),
    ("I watched five shoppers try the new checkout on their own phones.", &[CustomerObsession], &[]),
    ("We asked a dozen merchants what they did when the payout report was late.", &[CustomerObsession], &[]),
    ("Read every churned account's last support ticket before proposing anything.", &[CustomerObsession], &[]),
    ("I asked about custom fields in the design review.", &[], &[CustomerObsession]),
    // Ownership
    ("No ticket existed for the flaky export and nobody had flagged it, so I took it on.", &[Ownership], &[]),
    ("I noticed the flaky export on the dashboard.", &[], &[Ownership]),
    ("Nobody asked me to, but I rewrote the on-call runbook for the payments service.", &[Ownership], &[]),
    ("It wasn't my team's service, but I fixed the flaky deploy anyway because our customers were stuck.", &[Ownership], &[]),
    ("I took ownership of the migration after the original lead left.", &[Ownership], &[]),
    ("I stayed on it end to end, from the first design doc to the last customer migrated.", &[Ownership], &[]),
    ("The team owned the billing service.", &[], &[Ownership]),
    ("I demonstrated Ownership throughout the project.", &[], &[Ownership]),
    ("I chose to take the initiative on the stale alerts.", &[Ownership], &[]),
    ("The alerting cleanup had no clear owner, so I took it over.", &[Ownership], &[]),
    ("Stripe took over payment processing in 2020.", &[], &[Ownership]),
    // One part of a trade-off frame ("short-term ... long-term") belongs to the frame.
    ("I weighed a quick patch now against a cleaner redesign later, short-term versus long-term.", &[AreRightALot], &[Ownership]),
    // Invent and Simplify
    ("I cut the release checklist from 14 steps to 4 by scripting the manual parts.", &[InventAndSimplify], &[]),
    ("We replaced the spreadsheet hand-off with a self-serve form, so sales could onboard a customer without paging us.", &[InventAndSimplify], &[HireAndDevelopTheBest]),
    ("I consolidated four internal dashboards into one.", &[InventAndSimplify], &[]),
    ("Instead of building a new queue, I reused the existing job runner.", &[InventAndSimplify], &[]),
    ("The onboarding flow was complicated and nobody liked it.", &[], &[InventAndSimplify, HireAndDevelopTheBest]),
    ("I didn't simplify anything; I just added another flag.", &[], &[InventAndSimplify]),
    ("I collapsed the three approval queues into one, so nobody chased sign-offs anymore.", &[InventAndSimplify], &[]),
    ("Wrote a script that rebuilt the test fixtures, so nobody had to update them by hand.", &[InventAndSimplify], &[DiveDeep]),
    ("The script ran nightly.", &[], &[InventAndSimplify]),
    // Are Right, A Lot
    ("I weighed three options (a rewrite, a cache, or doing nothing) against the cost of each.", &[AreRightALot], &[]),
    ("Before deciding, I asked the two engineers who disagreed with me for their input.", &[AreRightALot], &[]),
    ("The data showed I was wrong about the cause, so I changed my mind and rolled back.", &[AreRightALot], &[]),
    ("We ran an A/B test for two weeks before committing to the new ranking.", &[AreRightALot], &[]),
    ("Option pricing is out of scope for this service.", &[], &[AreRightALot]),
    ("I decided to use Kafka.", &[], &[AreRightALot]),
    ("I ran a one-month pilot in two stores to test whether the new layout actually sold more.", &[AreRightALot], &[]),
    ("I laid out both options with the cost and risk of each for the steering group.", &[AreRightALot], &[]),
    ("There were three options on the menu.", &[], &[AreRightALot]),
    // Learn and Be Curious
    ("I taught myself enough Rust over a weekend to read the parser code.", &[LearnAndBeCurious], &[HireAndDevelopTheBest]),
    ("Curious why retries spiked on Mondays, I spent an evening reading the scheduler source.", &[LearnAndBeCurious], &[]),
    ("I took an online course on pricing so I could follow the finance team's model.", &[LearnAndBeCurious], &[]),
    ("Going in I knew nothing about accessibility, so I got up to speed by shadowing a screen-reader user.", &[LearnAndBeCurious], &[]),
    ("The new hire learned the codebase quickly.", &[], &[LearnAndBeCurious, HireAndDevelopTheBest, BiasForAction]),
    ("I wish I had learned more about the billing domain first.", &[], &[LearnAndBeCurious]),
    // Auditing is digging; the "audit lead" or "audit team" is someone to talk to.
    ("I audited 300 refund decisions against the policy.", &[DiveDeep], &[]),
    ("I invited the audit lead to the design review.", &[], &[DiveDeep]),
    // Exploring is curiosity; a recommender's "exploration slot" is a term of the trade.
    ("I explored how three rival apps handled refunds before writing the spec.", &[LearnAndBeCurious], &[]),
    ("I showed her a simulation where a 10% exploration slot kept click-through within 1% of the baseline.", &[], &[LearnAndBeCurious]),
    ("I had never worked with Terraform, so I spent two evenings reading the docs and rebuilding our staging stack.", &[LearnAndBeCurious], &[]),
    ("We had never worked with that vendor before.", &[], &[LearnAndBeCurious]),
    // "was curious" is the writer's state, not a passive.
    ("I was curious why retries clustered on Mondays, so I read the scheduler code.", &[LearnAndBeCurious], &[]),
    ("The design was simplified by another team.", &[], &[InventAndSimplify]),
    // Hire and Develop the Best
    ("I mentored two junior engineers until both could lead on-call on their own.", &[HireAndDevelopTheBest], &[]),
    ("I sat on every interview loop for the team and rewrote the rubric to raise the hiring bar.", &[HireAndDevelopTheBest], &[]),
    ("I gave Priya the migration as a stretch assignment and coached her through the design review.", &[HireAndDevelopTheBest], &[]),
    ("Onboarded three new hires with a written ramp-up plan.", &[HireAndDevelopTheBest], &[]),
    ("We hired a contractor to paint the office.", &[], &[HireAndDevelopTheBest]),
    ("The mentoring program was cancelled last year.", &[], &[HireAndDevelopTheBest]),
    ("I paired with our two new grads every Friday until they could review each other's code.", &[HireAndDevelopTheBest], &[]),
    ("Let a junior teammate lead the migration and reviewed her plan with her each week.", &[HireAndDevelopTheBest], &[]),
    ("The candidate met four interviewers.", &[], &[HireAndDevelopTheBest]),
    // Insist on the Highest Standards
    ("I held the launch until the quality of the search results met the bar we had agreed.", &[InsistOnTheHighestStandards], &[]),
    ("I refused to sign off on the release until the flaky tests were fixed.", &[InsistOnTheHighestStandards], &[]),
    ("I added contract tests to every endpoint so the same bug could not come back.", &[InsistOnTheHighestStandards], &[]),
    ("We wrote a post-mortem for every Sev-2, even the embarrassing ones.", &[InsistOnTheHighestStandards], &[]),
    ("I held our dashboards to a higher standard: every number had to trace back to a query.", &[InsistOnTheHighestStandards], &[]),
    ("Quality of the coffee in the office got worse.", &[], &[InsistOnTheHighestStandards]),
    ("The code review was quick.", &[], &[InsistOnTheHighestStandards, BiasForAction]),
    ("I blocked the launch until the flaky payment tests were fixed.", &[InsistOnTheHighestStandards], &[]),
    ("I rejected pull requests that had no rollback plan.", &[InsistOnTheHighestStandards], &[]),
    ("The launch was blocked by a legal review.", &[], &[InsistOnTheHighestStandards]),
    ("This change cut production incidents by 40% in a quarter.", &[InsistOnTheHighestStandards], &[]),
    ("We had fewer incidents than other teams that year.", &[], &[InsistOnTheHighestStandards]),
    // Think Big
    ("The retry library was adopted by nine other teams within a quarter.", &[ThinkBig], &[]),
    ("I proposed turning our internal retry library into a platform for every team in the company.", &[ThinkBig], &[]),
    ("I wrote a three-year vision for how sellers would manage inventory without ever opening a spreadsheet.", &[ThinkBig], &[]),
    ("The fix I built for checkout was adopted by nine other teams across the org.", &[ThinkBig], &[]),
    ("Rather than patch one report, I rebuilt it company-wide.", &[ThinkBig], &[]),
    ("I think big changes need design docs.", &[], &[ThinkBig]),
    ("The computer vision model misclassified returns.", &[], &[ThinkBig]),
    ("I pitched a shared data platform that every business unit could build on.", &[ThinkBig], &[]),
    ("Our strategy meeting ran long.", &[], &[ThinkBig]),
    // Bias for Action
    ("I argued the cost of inaction was higher than the risk and shipped the stopgap that day.", &[BiasForAction], &[]),
    ("Rather than wait for the vendor, I shipped a workaround within 48 hours.", &[BiasForAction], &[]),
    ("It was a two-way door, so I turned the flag on the same day and watched the metrics.", &[BiasForAction], &[]),
    ("I didn't wait for sign-off; I rolled back immediately and wrote up why afterwards.", &[BiasForAction], &[]),
    ("Shipped a stopgap in two days while the real fix went through review.", &[BiasForAction], &[]),
    ("We waited three weeks for approval.", &[], &[BiasForAction]),
    ("I rolled back the bad deploy within minutes and debugged it afterwards.", &[BiasForAction], &[]),
    ("We put a rough prototype in front of users within a week.", &[BiasForAction], &[]),
    ("I would have rolled back sooner.", &[], &[BiasForAction]),
    ("I would have moved faster if I had owned the deploy pipeline.", &[], &[BiasForAction, Ownership]),
    // Frugality
    ("We launched without extra headcount by borrowing two days a week from the data team.", &[Frugality], &[]),
    ("I moved the nightly jobs to spot instances and cut the compute bill by 40%.", &[Frugality], &[]),
    ("Instead of buying a feature-flag service, I built a 200-line one on top of our existing database.", &[Frugality], &[]),
    ("I decommissioned 30 idle servers nobody had touched in a year.", &[Frugality], &[]),
    ("The budget meeting ran long.", &[], &[Frugality]),
    ("Cost was not a concern for this project.", &[], &[Frugality]),
    ("I ran the experiment on spare capacity in the test cluster instead of asking for new hardware.", &[Frugality], &[]),
    ("The cloud bill was paid by the finance team.", &[], &[Frugality]),
    // Earn Trust
    ("I told the VP the bad news myself, before the status meeting.", &[EarnTrust], &[]),
    ("I admitted the outage was my change and walked the team through exactly what I got wrong.", &[EarnTrust], &[]),
    ("We kept the support team informed with a daily note until the fix shipped.", &[EarnTrust], &[]),
    ("I gave the intern public credit for the fix in the launch email.", &[EarnTrust], &[]),
    ("Trust and safety reviews happen weekly.", &[], &[EarnTrust, SuccessAndScaleBringBroadResponsibility]),
    ("I never admitted the mistake to the client.", &[], &[EarnTrust]),
    ("When my change broke the nightly export, I told the data team what went wrong before they had to ask.", &[EarnTrust], &[]),
    ("The finance team didn't trust the dashboard, so I walked them through every query behind it.", &[EarnTrust], &[]),
    ("Nobody told the customer what went wrong.", &[], &[EarnTrust]),
    // Dive Deep
    ("I dug into the raw request logs and found that 3% of calls retried five times.", &[DiveDeep], &[]),
    ("Pulled a week of traces and traced the slowdown to a single N+1 query.", &[DiveDeep], &[]),
    ("I reproduced the crash locally and profiled it until the allocation hot spot was obvious.", &[DiveDeep], &[]),
    ("I audited every alert we had and found half of them never fired.", &[DiveDeep], &[]),
    ("The logs are stored in S3.", &[], &[DiveDeep]),
    ("Deep learning models need lots of data.", &[], &[DiveDeep]),
    ("I sampled 200 refunds by hand and found that most were duplicates.", &[DiveDeep], &[]),
    ("The numbers looked fine, so I went back through every refund from March and found the double charges.", &[DiveDeep], &[]),
    ("Spent a week reading the error codes the gateway returned.", &[DiveDeep], &[]),
    ("I compiled the release notes by hand.", &[], &[DiveDeep]),
    // Have Backbone; Disagree and Commit
    ("I pushed back on the launch date because the load tests failed at half our peak traffic.", &[HaveBackbone], &[]),
    ("I disagreed with my director about dropping the audit log, said so in the review, and then committed to her plan.", &[HaveBackbone], &[]),
    ("Even though I'd argued for the other design, once we chose it I built it as if it were mine.", &[HaveBackbone], &[]),
    ("I stood my ground in the design review: no schema change without a backfill plan.", &[HaveBackbone], &[]),
    ("The backbone network was upgraded in March.", &[], &[HaveBackbone]),
    ("I agreed with the plan and started right away.", &[], &[HaveBackbone]),
    ("I didn't push back, and we paid for it in March.", &[], &[HaveBackbone]),
    ("I said my piece in the review, then got behind the decision once it was made.", &[HaveBackbone], &[]),
    ("I told the VP I thought cutting the beta was a mistake and brought usage data to back it up.", &[HaveBackbone], &[]),
    ("It was a challenging quarter for the team.", &[], &[HaveBackbone]),
    ("We got behind schedule after the outage.", &[], &[HaveBackbone]),
    // Deliver Results
    ("We shipped the new checkout on time despite losing two engineers mid-quarter.", &[DeliverResults], &[]),
    ("I cut p99 latency from 900 ms to 250 ms, which lifted mobile conversion by 4%.", &[DeliverResults], &[]),
    ("Despite the setback, I still hit the deadline for the holiday freeze.", &[DeliverResults], &[]),
    ("This reduced failed payments by 12% in the first month.", &[DeliverResults], &[]),
    ("Revenue was flat in Q2.", &[], &[DeliverResults]),
    ("Latency rose by 30% after the upgrade.", &[], &[DeliverResults]),
    ("We went live a week early despite losing our tech lead.", &[DeliverResults], &[]),
    ("I delivered the tax update before the regulatory deadline.", &[DeliverResults], &[]),
    ("The new flow lifted repeat orders from 12% to 15% in a month.", &[DeliverResults], &[]),
    ("The deadline was set by the regulator.", &[], &[DeliverResults]),
    // Strive to be Earth's Best Employer
    ("After the on-call changes, team turnover dropped from 20% to 6% in a year.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I set up anonymous feedback and rotating retro facilitators so quieter engineers were heard.", &[StriveToBeEarthsBestEmployer], &[]),
    ("Turnover in the warehouse industry is high.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I capped on-call at one week in six and made sure people actually took their time off.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I set up monthly one-on-ones about career goals, not status.", &[StriveToBeEarthsBestEmployer], &[]),
    ("We protected a sustainable pace through the migration: no weekend deploys, no heroics.", &[StriveToBeEarthsBestEmployer], &[SuccessAndScaleBringBroadResponsibility]),
    ("I made it safe to speak up in retros by sharing my own mistakes first.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The team was burned out after the launch.", &[], &[StriveToBeEarthsBestEmployer]),
    ("Burnout is common in the industry.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I introduced blameless postmortems so people felt safe owning up to mistakes.", &[StriveToBeEarthsBestEmployer], &[]),
    ("We worked overtime for a month to hit the date.", &[], &[StriveToBeEarthsBestEmployer]),
    // Success and Scale Bring Broad Responsibility
    ("I added labor standards to the supplier scorecard we used to pick delivery partners.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I made the new checkout work with screen readers before launch, not after.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("We stopped collecting personal data we did not need and shortened retention to 30 days.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I moved the batch jobs to a region running on renewable energy.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("Before launch I ran a review of how vulnerable users might be harmed, and we added two safeguards.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("The production environment runs on Kubernetes.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("Access to the admin panel requires SSO.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("I shrank the service's memory footprint by 20%.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    // A topic counts when the writer's work is the subject doing something, not when it is in a state.
    ("This change cut the data center's carbon emissions by a third.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("The project involved personal data from EU residents.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("This was a privacy-sensitive feature.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("I added an opt-out for location data before the feature reached users.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("We opt in to the vendor's beta program each quarter.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("I corrected for selection bias in the experiment.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("We renewed the certificate renewals contract.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    // Listening to customers where they already talk: calls, transcripts, tickets — and "sat in on" is learning
    // unless it is the customers being listened to.
    ("I sat in on a dozen support calls before touching the refund flow.", &[CustomerObsession], &[LearnAndBeCurious]),
    ("I sat in on the finance team's planning meetings to learn how budgets were set.", &[LearnAndBeCurious], &[CustomerObsession]),
    ("We read two hundred chat transcripts from drivers who quit during onboarding.", &[CustomerObsession], &[]),
    ("Rode along with a courier for a day to see where the app got in the way.", &[CustomerObsession], &[]),
    ("I reframed the quarterly roadmap around what our sellers kept asking support for.", &[CustomerObsession], &[ThinkBig]),
    ("The transcripts were stored for ninety days.", &[], &[CustomerObsession]),
    // Ownership of work nobody held, and after the job was formally done.
    ("Nobody had touched the backup scripts in two years, so I adopted them and added alerts.", &[Ownership], &[]),
    ("Even after I moved teams, I kept fixing the importer until its new owners were ready.", &[Ownership], &[]),
    ("Nobody had touched the legacy importer in two years.", &[], &[Ownership]),
    // Invent and Simplify: complexity removed, a simpler alternative chosen over building.
    ("The release process was overly complex, so I cut it to one command anyone could run.", &[InventAndSimplify], &[]),
    ("Rather than build our own scheduler, we used the cron features the platform already offered.", &[InventAndSimplify], &[]),
    ("I deleted 3,000 lines of dead feature flags from the checkout service.", &[InventAndSimplify], &[]),
    ("The billing rules were overly complex.", &[], &[InventAndSimplify]),
    // Complexity the writer made counts once they act on it, and a safeguard's word before "team" names a team.
    ("I built an overly complex parser, so last quarter I rewrote it as three small functions.", &[InventAndSimplify], &[]),
    ("I added monitoring to the nightly import job.", &[InsistOnTheHighestStandards], &[]),
    ("I added the monitoring team to the incident channel.", &[], &[InsistOnTheHighestStandards]),
    // Are Right, A Lot: incomplete data, testing one's own call, inviting dissent, reversing.
    ("I made the call with incomplete data and named the metric that would tell us to reverse it.", &[AreRightALot], &[]),
    ("I asked our most sceptical engineer to poke holes in the plan before I took it to the director.", &[AreRightALot], &[]),
    ("When the pilot numbers came in, I reversed my earlier decision and kept the old pricing.", &[AreRightALot], &[]),
    ("The incomplete data in the warehouse feed was a known issue.", &[], &[AreRightALot]),
    // Learn and Be Curious: classes and study groups.
    ("I took an evening class in accounting so I could read the ledger exports myself.", &[LearnAndBeCurious], &[]),
    ("We started a reading group on distributed systems papers.", &[LearnAndBeCurious], &[]),
    // Hire and Develop the Best: rotation programs, struggling engineers, hiring exercises.
    ("I set up a rotation program so engineers could spend a quarter with the product team.", &[HireAndDevelopTheBest, StriveToBeEarthsBestEmployer], &[]),
    ("One of my engineers was struggling with estimates, so I reviewed her plans with her each week.", &[HireAndDevelopTheBest], &[]),
    ("I replaced our whiteboard puzzle with a take-home based on a real bug.", &[HireAndDevelopTheBest], &[]),
    ("I was on the on-call rotation for the payments API.", &[], &[HireAndDevelopTheBest, StriveToBeEarthsBestEmployer]),
    ("The engineers struggled with the flaky build all spring.", &[], &[HireAndDevelopTheBest]),
    // Insist on the Highest Standards: refusing to let it ship, sending work back, rules that hold the bar.
    ("I wouldn't let the app ship until it passed on the oldest phones we supported.", &[InsistOnTheHighestStandards], &[]),
    ("The vendor's first build leaked memory, so I sent it back with a failing test attached.", &[InsistOnTheHighestStandards], &[]),
    ("I made it a rule that no migration merged without a tested rollback.", &[InsistOnTheHighestStandards], &[]),
    ("The release was sent back to the warehouse team for sign-off.", &[], &[InsistOnTheHighestStandards]),
    // Think Big: the goal reframed, a product for many.
    ("I reframed the project from a one-off report into a service any team could query.", &[ThinkBig], &[]),
    ("I proposed turning our internal fraud rules into a product we could offer to partners.", &[ThinkBig], &[]),
    ("Our product team met on Tuesdays.", &[], &[ThinkBig]),
    ("Developer productivity was the theme of the offsite.", &[], &[ThinkBig]),
    // Bias for Action: fast, reversible, behind a flag.
    ("The change was easy to undo, so I turned it on that morning and watched the error rate.", &[BiasForAction], &[]),
    ("I shipped the fix behind a flag and cleaned it up the following sprint.", &[BiasForAction], &[]),
    ("Errors spiked after the deploy.", &[], &[BiasForAction]),
    // Frugality: reuse, no new spend, a lower bill.
    ("I reused the cluster the search team already ran instead of provisioning our own.", &[Frugality], &[]),
    ("We delivered it with the team we had: no contractors and no new licences.", &[Frugality], &[]),
    ("After we moved cold data to cheaper storage, the monthly bill dropped by a quarter.", &[Frugality], &[]),
    ("I renegotiated the monitoring contract and dropped seats nobody used.", &[Frugality], &[]),
    ("The contract was signed before I joined.", &[], &[Frugality]),
    // Earn Trust: bad news told early, mistakes owned out loud, promises kept.
    ("Three weeks out, I told the partner team up front that we would slip by a sprint.", &[EarnTrust], &[]),
    ("I owned the incident in the review and listed what I had missed.", &[EarnTrust], &[]),
    ("I promised the store leads weekly numbers and kept that promise for the whole pilot.", &[EarnTrust], &[]),
    ("The store leads were promised a new scanner.", &[], &[EarnTrust]),
    // Dive Deep: going through records by hand, reproducing, following one case through.
    ("I went through 150 failed payouts by hand and found two banks rejecting the same field.", &[DiveDeep], &[InventAndSimplify]),
    ("I replayed the failing requests against staging until I could reproduce the crash.", &[DiveDeep], &[]),
    ("I traced one stuck order through four services to find where the status was dropped.", &[DiveDeep], &[]),
    ("The dashboards looked fine, so I split the errors by app version and found one build failing.", &[DiveDeep], &[]),
    ("The dashboard looked fine.", &[], &[DiveDeep]),
    // Have Backbone: disagreement in writing, the writer as the one who objected.
    ("I put my objections in writing before the review, then committed to the plan the group chose.", &[HaveBackbone], &[]),
    ("I was the only one in the room who objected to launching without a kill switch.", &[HaveBackbone], &[]),
    ("The auditor was the one who objected to the new schema.", &[], &[HaveBackbone]),
    // Deliver Results: the date kept through a setback.
    ("When the vendor dropped out a month before launch, we still shipped on the promised date.", &[DeliverResults], &[]),
    ("Even with half the team out for the holidays, I got the migration out the door by January.", &[DeliverResults], &[]),
    ("The promised date was in March.", &[], &[DeliverResults]),
    // Earth's Best Employer: on-call health, care for people's lives and growth.
    ("Our engineers were getting paged most nights, so I deleted the noisiest alerts and split the rotation.", &[StriveToBeEarthsBestEmployer], &[]),
    ("We moved planning to mid-morning so the parents on the team could make school runs.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I asked each engineer how they were doing and what they wanted to work on next.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I set up career development conversations for every engineer on the team.", &[StriveToBeEarthsBestEmployer], &[]),
    ("Parents on the team were the first to ask about the new office.", &[], &[StriveToBeEarthsBestEmployer]),
    // Success and Scale: accessibility, workers' safety, discrimination.
    ("I tested the kiosk with wheelchair users before the store rollout.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("We changed the routing so drivers always got their required breaks.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I checked the credit model for discrimination against protected groups before launch.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("Wheelchair ramps were installed at the front entrance.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    // Watching real people use the product, in their words for themselves; customers' roles vary by domain.
    ("We ran think-aloud sessions with five pharmacists on the new refill screen.", &[CustomerObsession], &[]),
    ("I asked three landlords to walk me through how they chase late rent.", &[CustomerObsession], &[]),
    ("Worked a night shift at the depot to see where the scanners failed.", &[CustomerObsession], &[]),
    ("I read the one-star reviews every Monday before planning.", &[CustomerObsession], &[]),
    ("I shifted the batch jobs to run at night.", &[], &[CustomerObsession]),
    ("We patched the hosts during the maintenance window.", &[], &[CustomerObsession]),
    // Nobody's job, left half-finished, kept after the handover.
    ("Cleaning up test data wasn't anyone's job, so I wrote the script and added it to our on-call.", &[Ownership], &[]),
    ("I picked up a half-finished migration the previous lead had left and shipped it.", &[Ownership], &[]),
    ("I kept answering the support team's questions long after we had officially handed it over.", &[Ownership], &[]),
    ("A colleague from another team explained the billing system to us.", &[], &[Ownership]),
    ("The half-finished dashboard sat in the old repository.", &[], &[Ownership]),
    ("Rather than patch around the race condition, I fixed the locking in the client library.", &[InsistOnTheHighestStandards], &[]),
    // Fewer screens, fields or steps; the smaller solution; the manual made automatic.
    ("I cut the signup form from twelve fields to four.", &[InventAndSimplify], &[]),
    ("Instead of a new service, I added one table and a cron job.", &[InventAndSimplify], &[]),
    ("We turned the manual weekly reconciliation into a nightly job.", &[InventAndSimplify], &[]),
    ("The contract grew from two pages to ten after legal's review.", &[], &[InventAndSimplify]),
    // Options compared on evidence, one's own belief tested.
    ("I ran the two ranking models side by side for a week before picking one.", &[AreRightALot], &[]),
    ("My first instinct was a caching bug, but the traces disagreed, so I dropped that theory.", &[AreRightALot], &[]),
    ("I predicted the discount would only pull orders forward, and the holdout group confirmed it.", &[AreRightALot], &[]),
    ("Chose the managed queue over running our own after comparing cost and on-call load.", &[AreRightALot], &[]),
    ("The two services run side by side in the cluster.", &[], &[AreRightALot]),
    ("The control group settings live in the config file.", &[], &[AreRightALot]),
    ("I asked the senior actuary to walk me through how reserves were set.", &[LearnAndBeCurious], &[]),
    // People grown into leads; sessions run for new people; the hiring bar held.
    ("Two of the engineers I hired went on to lead their own teams.", &[HireAndDevelopTheBest], &[]),
    ("I ran a weekly debugging clinic for our newest engineers.", &[HireAndDevelopTheBest], &[]),
    ("I turned down two candidates the panel liked because neither could explain their own design.", &[HireAndDevelopTheBest], &[]),
    ("The clinic's scheduling system ran on an old server.", &[], &[HireAndDevelopTheBest]),
    // A release held, less not accepted, checks that catch defects early.
    ("We held the firmware update for two weeks until battery drain was back under our limit.", &[InsistOnTheHighestStandards], &[]),
    ("The model was right 99% of the time, and I did not accept that for a medical product.", &[InsistOnTheHighestStandards], &[]),
    ("I set up data-quality checks so bad supplier files were caught before they reached the catalogue.", &[InsistOnTheHighestStandards], &[]),
    ("The gateway did not accept the malformed payload.", &[], &[InsistOnTheHighestStandards]),
    // Wider reach: a shared service, not just our own app, what began as one fix.
    ("I pitched the rules engine as a shared service for all five payment products.", &[ThinkBig], &[]),
    ("We built the booking API so partner clinics, not just our own app, could use it.", &[ThinkBig], &[]),
    ("What began as a fix for one warehouse became the slotting system for the whole company.", &[ThinkBig], &[]),
    ("I read the last three years of incident reports.", &[], &[ThinkBig]),
    ("I fixed every production bug in the backlog.", &[], &[ThinkBig]),
    // Within the week, at any hour.
    ("We shipped a paper fallback to the clinics the same week the tablets failed.", &[BiasForAction], &[]),
    ("Turned off the broken widget myself at 2 a.m. and wrote up why in the morning.", &[BiasForAction], &[]),
    // Existing systems used, buying avoided.
    ("We used the hospital's existing pager system instead of a new app.", &[Frugality], &[]),
    ("I talked the team out of buying a feature-flag vendor; a config file did the job for a year.", &[Frugality], &[]),
    ("The existing system was slow and hard to change.", &[], &[Frugality]),
    // Telling what happened before anyone asks; regular notes; credit by name.
    ("After the scare, we wrote to every affected school explaining exactly what had happened.", &[EarnTrust], &[]),
    ("When my estimate turned out to be a month off, I said so in the steering meeting before anyone asked.", &[EarnTrust], &[]),
    ("I sent the store managers a Friday note with what shipped, what slipped and why.", &[EarnTrust], &[]),
    ("I credited the support agent by name in the launch email.", &[EarnTrust], &[]),
    // Past the summary to the raw material; every spike explained; predictions against what happened.
    ("We broke the drop-off down by device and found it was one Android build.", &[DiveDeep], &[]),
    ("The dashboard said delivery times were flat, but when I checked the raw scans, a third were mis-stamped.", &[DiveDeep], &[]),
    ("I sat with the database team until we could explain every spike in the query logs.", &[DiveDeep], &[]),
    ("I compared the model's predictions with what adjusters decided on 300 closed claims.", &[DiveDeep], &[]),
    ("We split the monolith by domain into four services.", &[], &[DiveDeep]),
    ("The raw payloads are stored for a week.", &[], &[DiveDeep]),
    // Not backing a decision, losing the argument and committing, evidence brought.
    ("I told the VP I couldn't support launching without offline mode and showed her the field data.", &[HaveBackbone], &[]),
    ("I lost the argument about the chat vendor, so I made the integration as good as I could.", &[HaveBackbone], &[]),
    ("I wrote a memo against the rewrite, and when the decision went the other way I led it.", &[HaveBackbone], &[]),
    ("I pushed to delay the redesign until the pharmacists had tried it.", &[HaveBackbone], &[]),
    ("The first release would not support their billing codes.", &[], &[HaveBackbone]),
    ("I told the clinics that the first release would not support their billing codes.", &[], &[HaveBackbone]),
    ("I pushed to main and the pipeline went green.", &[], &[HaveBackbone]),
    // Delivered cleanly, before the date; a project brought back.
    ("We moved a million patient records with zero downtime, a week before the old contract expired.", &[DeliverResults], &[]),
    ("After two failed vendor attempts, I brought the project back on track.", &[DeliverResults], &[]),
    // Nights, weekends and lunches kept people's own; load and perks shared fairly.
    ("I moved the release window to Tuesday mornings so nobody had to stay late for deploys.", &[StriveToBeEarthsBestEmployer], &[]),
    ("We set up a follow-the-sun rotation so no one was paged between midnight and six.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I noticed one engineer did all the code reviews and spread them across the team.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I made sure contractors got the same training budget as full-time staff.", &[StriveToBeEarthsBestEmployer], &[]),
    ("We spread the shards across three availability zones.", &[], &[StriveToBeEarthsBestEmployer]),
    // Safety, privacy, fair treatment, people the market leaves out, cleaner power.
    ("I insisted the symptom checker send chest pain straight to emergency services.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("We removed precise location from the analytics events and kept only the city.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("We made the benefits portal work on a basic phone over 2G.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("We moved the training runs to a data center on hydro power.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("The app stores the user's precise location for delivery.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    // "overnight" as speed, not as when a batch runs; "redesign" as a project's name is not a simplification.
    ("I fixed the broken export overnight and told the finance team in the morning.", &[BiasForAction], &[]),
    ("I batched the inference jobs to run overnight on spare capacity.", &[], &[BiasForAction]),
    ("I gave a junior engineer the checkout redesign as her first big project.", &[HireAndDevelopTheBest], &[InventAndSimplify]),
    ("I took it upon myself to fix the flaky tests nobody would touch.", &[Ownership], &[]),
    ("I got buy-in from three directors before the planning meeting.", &[EarnTrust], &[]),
    // Journey maps and beta users; goals beaten; not waiting; numbers run first; the lead handed over; SLOs; scaled out.
    ("We built a journey map from twenty beta users before touching the design.", &[CustomerObsession], &[]),
    ("We beat our target of 10,000 sign-ups by a month.", &[DeliverResults], &[]),
    ("The target was set by the sales team.", &[], &[DeliverResults]),
    ("I decided not to wait for the vendor and wrote the adapter myself.", &[BiasForAction], &[]),
    ("I ran the numbers on both plans before the review.", &[AreRightALot], &[]),
    ("I gave our newest engineer the lead on the billing migration.", &[HireAndDevelopTheBest], &[]),
    ("I defined SLOs for every customer-facing endpoint and reviewed them monthly.", &[InsistOnTheHighestStandards], &[]),
    ("We expanded the pilot to 40 stores in two quarters.", &[ThinkBig], &[]),
    ("The chain expanded to 40 stores in 2019.", &[], &[ThinkBig]),
    // Risks flagged early; what customers actually did; time spent learning; onboarding guides; drilling in;
    // refusing; nothing spent; no compromise; shipped despite a setback.
    ("I flagged the risk early to the director, with two options.", &[EarnTrust], &[]),
    ("We watched what drivers actually did at the depot, not what the spec said.", &[CustomerObsession], &[]),
    ("I spent two weekends learning how the claims rules worked.", &[LearnAndBeCurious], &[]),
    ("I wrote an onboarding guide so new hires could ship in their first week.", &[HireAndDevelopTheBest], &[]),
    ("I drilled into the refunds by merchant and found one integration double-charging.", &[DiveDeep], &[]),
    ("I refused to add the tracking pixel to the checkout page.", &[HaveBackbone], &[]),
    ("The server refused to start after the upgrade.", &[], &[HaveBackbone]),
    ("We ran the pilot on donated tablets at no cost to the clinics.", &[Frugality], &[]),
    ("Users can download the app for free.", &[], &[Frugality]),
    ("I wouldn't compromise on the dosage checks, even for the launch date.", &[InsistOnTheHighestStandards], &[]),
    ("We shipped the scanner app despite a two-week vendor outage.", &[DeliverResults], &[]),
    // Words whose engineering or product sense is not the act the cue stands for (dev4).
    ("I turned down a quick win that would have doubled our maintenance load.", &[], &[BiasForAction]),
    ("We set out to offer same-day delivery in three cities.", &[], &[BiasForAction]),
    ("I patched the leak the same day it was reported.", &[BiasForAction], &[]),
    ("Grew self-service bookings from 30% to 55% of all reservations.", &[DeliverResults], &[InventAndSimplify]),
    ("I built a self-service portal so landlords could renew leases without calling us.", &[InventAndSimplify], &[]),
    ("I let the store managers choose the pilot stores.", &[], &[AreRightALot]),
    ("We piloted the new pricing page in two regions before the full launch.", &[AreRightALot], &[]),
    ("I added debug logs to the worker and redeployed it.", &[], &[DiveDeep]),
    ("We turned the manual release checklist into a script any rep could run.", &[InventAndSimplify], &[InsistOnTheHighestStandards]),
    ("I wrote a launch checklist that every release had to pass.", &[InsistOnTheHighestStandards], &[]),
    ("I read the billing standards to understand how roaming charges were rated.", &[], &[InsistOnTheHighestStandards]),
    ("I set coding standards for the team and enforced them in review.", &[InsistOnTheHighestStandards], &[]),
    ("I changed the roadmap after the survey came back.", &[], &[ThinkBig]),
    ("I automated the compliance report so auditors could pull it themselves.", &[InventAndSimplify], &[SuccessAndScaleBringBroadResponsibility]),
    // A topic counts when the writer acts, not when they only joined or noticed.
    ("While reviewing customer feedback, I noticed the export was broken.", &[CustomerObsession], &[]),
    ("I moved our batch jobs off the cloud bill's biggest line, the on-demand instances.", &[Frugality], &[]),
    ("Told my director I wouldn't sign off on dropping the fraud checks.", &[HaveBackbone], &[]),
    ("The vendor told us they couldn't ship the firmware before May.", &[], &[HaveBackbone]),
    ("I ran the pilot on second-hand tablets the clinic no longer used.", &[Frugality], &[]),
    ("Spent a day timing each pick by hand to check the model's estimates.", &[DiveDeep], &[]),
    // A perceived topic the writer then acts on is theirs. Work nobody had flagged is one of the problems whose
    // noticing already shows the principle (dev11): the writer looked past their own remit.
    ("I noticed our SDK was sending emails to another team's crash service, and I chased it until it was patched.", &[Ownership], &[]),
    ("While working on the importer, I noticed a memory issue that no one had flagged.", &[Ownership], &[]),
    // Families of dev4 (each a kind of act a coach credits, in many phrasings).
    ("I heard from a dozen small farmers that the fee only showed at checkout.", &[CustomerObsession], &[]),
    ("The deploy pipeline belonged to no team, so I fixed it.", &[Ownership], &[]),
    ("I kept the fraud rules running for months after I moved to the mobile team.", &[Ownership], &[]),
    ("I ran the incident call even though I wasn't on call.", &[Ownership], &[]),
    ("We retired four admin tools by folding their useful screens into the console.", &[InventAndSimplify], &[]),
    ("I replaced the loan application with a single page.", &[InventAndSimplify], &[]),
    ("I had assumed churn came from pricing, but the survey said otherwise.", &[AreRightALot], &[]),
    ("I assumed ownership of the billing service.", &[], &[AreRightALot]),
    ("I took a weekend course on agronomy.", &[LearnAndBeCurious], &[]),
    ("Two of the interns I supervised came back as full-time engineers.", &[HireAndDevelopTheBest], &[]),
    ("I made every schema change go through a dry run before merge.", &[InsistOnTheHighestStandards], &[]),
    ("I sent the integration back three times until the error handling met the spec.", &[InsistOnTheHighestStandards], &[]),
    ("I pitched turning our fraud scoring into an API that other banks could buy.", &[ThinkBig], &[]),
    ("We launched a manual version of the feature to see if drivers wanted it.", &[BiasForAction], &[]),
    ("I told the client that we would miss the date, before their team found out.", &[EarnTrust], &[]),
    ("I pulled a week of raw payment logs and found the duplicates.", &[DiveDeep], &[]),
    ("The pipeline stores raw transaction logs for a year.", &[], &[DiveDeep]),
    ("When a teammate was caring for a sick parent, I moved her deadlines.", &[StriveToBeEarthsBestEmployer], &[]),
    ("I added large-text options so older farmers could use the app.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    // dev5 grammar: an instruction to the writer, a wish, and words whose stem neighbours are not the act.
    ("I was asked to own the roadmap for the search team.", &[], &[ThinkBig, Ownership]),
    ("My manager told me to cut the cloud bill by 30 percent.", &[], &[Frugality, DeliverResults]),
    ("The interviewer asked me to describe a time I disagreed with my manager.", &[], &[HaveBackbone]),
    ("I was asked to fix the export, so I interviewed ten merchants first.", &[CustomerObsession], &[]),
    ("I asked the two loudest critics to poke holes in my plan.", &[AreRightALot], &[]),
    ("I want to dig into the churn data next quarter.", &[], &[DiveDeep]),
    ("We want to simplify the signup flow.", &[], &[InventAndSimplify]),
    ("I wanted to understand why refunds lagged, so I read the ledger code.", &[LearnAndBeCurious], &[]),
    ("We chose a machine learning model for the ranking service.", &[], &[LearnAndBeCurious]),
    ("I learned the claims rules from the adjusters themselves.", &[LearnAndBeCurious], &[]),
    ("I shared anonymized trip data with the city.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I ran an anonymous survey to hear how people were doing.", &[StriveToBeEarthsBestEmployer], &[]),
    ("After the third escalation from the client, I rewrote the runbook.", &[], &[HaveBackbone]),
    ("I escalated the billing bug to the VP when the vendor ignored it.", &[HaveBackbone], &[]),
    ("Honestly, I just rewrote the query and moved on.", &[], &[EarnTrust]),
    ("I was honest with the client about the slip.", &[EarnTrust], &[]),
    // dev5 families (each a kind of act a coach credits, in many phrasings), each beside a sentence where the
    // same words are someone else's or the situation.
    ("I cut the intake form from thirteen fields to four.", &[InventAndSimplify], &[]),
    ("The intake form had thirteen fields.", &[], &[InventAndSimplify]),
    ("Built a one-tap refill button for repeat prescriptions.", &[InventAndSimplify], &[]),
    ("The competitor had launched one-tap checkout.", &[], &[InventAndSimplify]),
    ("We replaced four status dashboards with one page the on-call could read.", &[InventAndSimplify], &[]),
    ("The vendor replaced our dashboards with theirs.", &[], &[InventAndSimplify]),
    ("I told the board the slip was my call, not the vendor's.", &[EarnTrust], &[]),
    ("I joined the call on Monday, not Tuesday.", &[], &[EarnTrust, Ownership]),
    ("We paid down the queue's tech debt every sprint.", &[Ownership], &[]),
    ("The company paid down its bank debt last year.", &[], &[Ownership]),
    ("I listed what I had gotten wrong in the forecast.", &[EarnTrust], &[]),
    ("In the review I named my own missed test as a cause.", &[EarnTrust], &[]),
    ("I shared the incident review with the whole org.", &[EarnTrust], &[ThinkBig]),
    ("I checked the cohort data and found the drop began with the Android release.", &[DiveDeep], &[]),
    ("The analysts checked the data every Monday.", &[], &[DiveDeep]),
    ("I sent the spec back twice until the edge cases were covered.", &[InsistOnTheHighestStandards], &[]),
    ("The courier sent the parcel back twice.", &[], &[InsistOnTheHighestStandards]),
    ("We added a rule that no migration ships without a rollback plan.", &[InsistOnTheHighestStandards], &[]),
    ("The bank had a rule that no account could be opened online.", &[], &[InsistOnTheHighestStandards]),
    ("I proposed opening the fraud model to every team, not just ours.", &[ThinkBig], &[]),
    ("I turned the pricing script into a service any team could call.", &[ThinkBig], &[]),
    ("The intern turned the script into a service.", &[], &[ThinkBig]),
    ("Shipped the app with two engineers instead of the planned six.", &[Frugality], &[]),
    ("The agency staffed the project with two engineers instead of one.", &[], &[Frugality]),
    ("We finished the rollout under budget.", &[Frugality], &[]),
    ("The project came in under budget after the vendor cut prices.", &[], &[Frugality]),
    ("I rebuilt the reminder flow, and no-shows fell 18%.", &[DeliverResults], &[]),
    ("Grew repeat orders 22% in six months.", &[DeliverResults], &[]),
    ("The market grew 22% in six months.", &[], &[DeliverResults]),
    ("I set up shift swaps so associates could cover school pickups.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The union asked for flexible schedules.", &[], &[StriveToBeEarthsBestEmployer]),
    ("Introduced blameless postmortems for the support team.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The other org ran blameless postmortems.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I made sure the route planner did not send trucks through school zones.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I did not check the school zones on the route.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("Switched the mailers to recycled paper across all sites.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("Our supplier switched to recycled paper.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("I flew out to two of our largest merchants and spent a day with their finance staff.", &[CustomerObsession], &[]),
    ("The CEO flew out to meet the investors.", &[], &[CustomerObsession]),
    ("I flew out to the data center to replace the failed disks.", &[], &[CustomerObsession]),
    ("I visited their office to sign the vendor contract.", &[], &[CustomerObsession]),
    // dev6 round: cue families, each with a hard negative (someone else's act, a negation, a wish or a setting).
    ("We met the end-of-year launch date with every feature the retailers needed.", &[DeliverResults], &[]),
    ("My manager met the launch date by cutting half the scope.", &[], &[DeliverResults]),
    ("I dropped my objection once the team chose the queue and wrote the rollout plan.", &[HaveBackbone], &[]),
    ("My manager dropped her objection after the review.", &[], &[HaveBackbone]),
    ("I sat beside the dispatchers and watched how they actually used the map.", &[CustomerObsession], &[]),
    ("Nobody actually used the export button.", &[], &[CustomerObsession]),
    ("When the clinic staff complained, we went to their site and watched a full morning.", &[CustomerObsession], &[]),
    ("The vendor's engineers went to their site to install the scanners.", &[], &[CustomerObsession]),
    ("I went back to the interview notes and tallied how often each complaint came up.", &[DiveDeep], &[]),
    ("The survey team tallied the votes.", &[], &[DiveDeep]),
    ("I built the first version of the calculator in one afternoon.", &[BiasForAction], &[]),
    ("The vendor promised to build it in an afternoon.", &[], &[BiasForAction]),
    ("The auditors arrived that week.", &[], &[BiasForAction]),
    ("I sent back the test plan twice until it covered the failure cases.", &[InsistOnTheHighestStandards], &[]),
    ("My director sent back the spec twice.", &[], &[InsistOnTheHighestStandards]),
    ("I told the sponsors plainly that the pilot had failed.", &[EarnTrust], &[]),
    ("The vendor told us plainly that the price would rise.", &[], &[EarnTrust]),
    ("Flagged to leadership that my own estimate was off by a month.", &[EarnTrust], &[]),
    ("She flagged to leadership that the budget was short.", &[], &[EarnTrust]),
    ("I paired with each of the new analysts on their first model.", &[HireAndDevelopTheBest], &[]),
    ("The tech lead paired with each intern.", &[], &[HireAndDevelopTheBest]),
    ("We taught ourselves the basics of tax law before the redesign.", &[LearnAndBeCurious], &[]),
    ("We should have taught ourselves the billing rules first.", &[], &[LearnAndBeCurious]),
    ("I set up quiet hours so the team could ignore low-priority alerts at night.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The office had quiet hours after lunch.", &[], &[StriveToBeEarthsBestEmployer]),
    ("We cut our power use by a fifth by moving batch jobs to off-peak hours.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("The data center's power use had doubled.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("Before launch I checked the credit model for bias against older applicants.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("The regulator checked the model for bias.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("We tested both checkout designs against each other for two weeks.", &[AreRightALot], &[]),
    ("The two teams competed against each other for the budget.", &[], &[AreRightALot]),
    ("Nobody on the team had touched the billing code in a year, so I rewrote its runbook.", &[Ownership], &[]),
    ("Nobody on the team had touched the billing code in a year.", &[], &[Ownership]),
    // A causative "had" may leave its object in a state the writer brought about ("live", "ready").
    ("When the partner's API failed, we had a workaround live within the hour.", &[BiasForAction], &[]),
    ("We had a workaround within the hour.", &[], &[BiasForAction]),
    ("We had the contract signed the same week.", &[BiasForAction], &[]),
    ("I was on vacation that week.", &[], &[BiasForAction]),
    ("We actually used Postgres for the queue.", &[], &[CustomerObsession]),
    ("I went on site at the data center to swap the failed drives.", &[], &[CustomerObsession]),
    // A passive result's agent after "by" says whose work it was.
    ("The error rate was brought down to 0.5% by the retry logic I shipped.", &[DeliverResults], &[]),
    ("The error rate was brought down to 0.5% by the platform team's new cache.", &[], &[DeliverResults]),
    // A result of work "built by" someone else is theirs.
    ("The new ranking model, built by the data science team, raised click-through by 12%.", &[], &[DeliverResults]),
    ("The new ranking model, built by my team, raised click-through by 12%.", &[DeliverResults], &[]),
    // "by hand", "by default": a means, not an agent.
    ("The new report, checked by hand every week, cut billing errors by 30%.", &[DeliverResults], &[]),
    // A "who" clause between the writer's asking and the infinitive: the writer sought what the infinitive says.
    ("I asked the two teams who would be affected to poke holes in my plan.", &[AreRightALot], &[]),
    ("I asked the lead who had volunteered to poke holes in my plan.", &[], &[AreRightALot]),
    // A fragment's verb acts on the topic that is its object.
    ("set up quiet hours for the on-call team", &[StriveToBeEarthsBestEmployer], &[]),
    ("Took over the abandoned data-retention runbook.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("Founded in 2010, the company had a burnout problem.", &[], &[StriveToBeEarthsBestEmployer]),
    // A gapped frame over just the words of a gap-free phrase is the phrase's reading.
    ("I walked the board through the numbers before the vote.", &[EarnTrust], &[]),
    ("I asked the architect to walk me through the caching layer.", &[LearnAndBeCurious], &[EarnTrust]),
    // Asking what evidence would settle it.
    ("I asked both engineers to write down what would prove the other one right.", &[AreRightALot], &[]),
    ("The CEO asked what would prove the model right.", &[], &[AreRightALot]),
    // "the plan", "a need": a hypothetical word after an article is a noun; "a plan to…" is still a plan.
    ("We rewrote the plan after the vendor dropped out and still shipped the release on time.", &[DeliverResults], &[]),
    ("I had a plan to ship the release on time.", &[], &[DeliverResults]),
    // A negation in what the writer checked for is not a denial of the act.
    ("I tested that the new ranking didn't bury listings from rural sellers.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I never tested the ranking on rural sellers.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("I checked the dashboard and didn't dig into the logs.", &[], &[DiveDeep]),
    // When the work started is setup; what it did is a result.
    ("The redesign began after a privacy complaint from a customer in Germany.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("The redesign cut the personal data we kept on each customer by half.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    // A reversible choice is the writer's reason, whatever the clause's subject.
    ("I picked the cheaper vendor because the contract was easy to reverse.", &[BiasForAction], &[]),
    ("The vendor said the contract was easy to reverse.", &[], &[BiasForAction]),
    // Deciding when the evidence was unclear; the unclear evidence alone is setup.
    ("The survey results were inconclusive, so I launched to one region and watched the numbers.", &[AreRightALot], &[]),
    ("The survey results were inconclusive.", &[], &[AreRightALot]),
    // The dev7 families: each with an act of the writer's and a sentence where it is not theirs or not an act.
    ("After the outage I refunded every affected merchant before they asked.", &[CustomerObsession], &[]),
    ("The payments team refunded the merchants a week later.", &[], &[CustomerObsession]),
    ("I rewrote the flaky deploy script everyone had complained about for a year.", &[Ownership], &[]),
    ("Everyone complained about the deploy script.", &[], &[Ownership]),
    ("I fixed the slow build that every team complained about.", &[Ownership], &[ThinkBig]),
    ("I held myself accountable for the data loss and walked the customers through the fix.", &[Ownership], &[]),
    ("My manager held me accountable for the data loss.", &[], &[Ownership]),
    ("I sought out the two engineers who disagreed with my design and changed the schema after hearing them.", &[AreRightALot], &[]),
    ("The director sought out critics of the plan.", &[], &[AreRightALot]),
    ("I invited the skeptics to poke holes in my plan.", &[AreRightALot], &[]),
    ("I shared the results with the skeptical finance team.", &[], &[AreRightALot]),
    ("We compared three vendors on uptime and support cost before signing.", &[AreRightALot], &[]),
    ("Three vendors bid for the contract.", &[], &[AreRightALot]),
    ("I weighed a two-week delay against the risk of a bad launch.", &[AreRightALot], &[]),
    ("The director weighed in on the design.", &[], &[AreRightALot]),
    ("I set up a review where junior engineers got feedback on their designs from the staff engineers.", &[HireAndDevelopTheBest], &[]),
    ("I moved two analysts onto the pricing project to grow their skills.", &[HireAndDevelopTheBest], &[]),
    ("The engineers got feedback from the customer.", &[], &[HireAndDevelopTheBest]),
    ("I raised the review bar for the pricing models to two independent sign-offs.", &[InsistOnTheHighestStandards], &[]),
    ("I lowered the accuracy bar so the launch could go ahead.", &[], &[InsistOnTheHighestStandards]),
    ("I sent the copy back to the agency three times before it matched the brand guide.", &[InsistOnTheHighestStandards], &[]),
    ("The vendor sent the hardware back three times.", &[], &[InsistOnTheHighestStandards]),
    ("I rejected the first draft of the contract because it skipped the data-retention terms.", &[InsistOnTheHighestStandards], &[]),
    ("The committee rejected my first draft.", &[], &[InsistOnTheHighestStandards]),
    ("I proposed taking the fraud model from one country to every market we served.", &[ThinkBig], &[]),
    ("The vendor grew from one city to every state.", &[], &[ThinkBig]),
    ("I shared the raw survey responses with the board, not just the summary.", &[EarnTrust], &[]),
    ("The analyst shared the raw data with me.", &[], &[EarnTrust]),
    ("At the launch review I gave the support team the credit for the idea.", &[EarnTrust], &[]),
    ("My manager gave the platform team the credit.", &[], &[EarnTrust]),
    ("I met one-on-one with every regional lead who had objected to the change.", &[EarnTrust], &[]),
    ("The new director met one-on-one with each of us.", &[], &[EarnTrust]),
    ("I presented the outage timeline to the whole company the next morning.", &[EarnTrust], &[ThinkBig]),
    ("I stayed with the billing logs until I understood why one invoice in fifty was off by a cent.", &[DiveDeep], &[]),
    ("The team waited until the vendor knew why it failed.", &[], &[DiveDeep]),
    ("I read the query plans for the five slowest reports.", &[DiveDeep], &[]),
    ("The stack traces were stored for thirty days.", &[], &[DiveDeep]),
    ("Once the committee chose the hosted option, I backed it fully in front of my team.", &[HaveBackbone], &[]),
    ("The CFO backed the plan fully.", &[], &[HaveBackbone]),
    ("I split the rotation so no engineer was paged two weekends in a row.", &[StriveToBeEarthsBestEmployer], &[]),
    ("No engineer was paged during the launch.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I added a way for warehouse staff to swap shifts without calling a supervisor.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The nurses swapped shifts by text message.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I got the interns invited to the quarterly planning offsite.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The contractors were not invited to the planning sessions.", &[], &[StriveToBeEarthsBestEmployer]),
    ("I removed four unused dependencies from the mobile build.", &[InventAndSimplify], &[]),
    ("I never removed the old dependencies.", &[], &[InventAndSimplify]),
    // "launch" the noun is not "launched".
    ("I wrote the launch checklist and the launch email for the beta.", &[], &[DeliverResults]),
    ("I shipped the migration on time.", &[DeliverResults], &[]),
    // A cue that opens the sentence after a quantifier is its subject, not the writer's fragment.
    ("Every team in the building used the same wiki.", &[], &[ThinkBig]),
    ("I built a shared login that every team in the company now uses.", &[ThinkBig], &[]),
    // What the writer wanted to do is a wish; what they did about it after "so" is an act.
    ("I wanted to sit with customers but never found the time.", &[], &[CustomerObsession]),
    ("I wanted to hear it first-hand, so I sat with six customers.", &[CustomerObsession], &[]),
    // "The PMs I know": what the writer knows of others is not the writer's act.
    ("The best PMs I know dig into the data themselves.", &[], &[DiveDeep]),
    ("I knew the logs well and dug into them that night.", &[DiveDeep], &[]),
    // Every number is `#`: "under 13" was "under any number", so an age needs its noun.
    ("I turned off ad tracking for users under 16.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I kept the p95 latency under 200 ms through the sale.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    // Doing the customer-facing job, standing where the customer stands.
    ("I answered support phones for a week after the redesign shipped.", &[CustomerObsession], &[]),
    ("The support team answered the phones while I was away.", &[], &[CustomerObsession]),
    ("I put myself in a new tenant's shoes and applied for an apartment through our own app.", &[CustomerObsession], &[]),
    ("The manual asked readers to put themselves in the shoes of the operator.", &[], &[CustomerObsession]),
    ("I sat in the lobby for a morning to see where patients got stuck at check-in.", &[CustomerObsession], &[]),
    ("Nobody knew where users got stuck.", &[], &[CustomerObsession]),
    // Slow work made fast; a spreadsheet process replaced.
    ("I rewrote the import so it ran in minutes instead of hours.", &[InventAndSimplify], &[]),
    ("The vendor's tool finished in seconds instead of minutes.", &[], &[InventAndSimplify]),
    // A result told through work someone else owns is theirs; "my team's" work is the writer's.
    ("My team's new importer cut failed uploads by 40%.", &[DeliverResults], &[]),
    ("The vendor's new importer cut failed uploads by 40%.", &[], &[DeliverResults]),
    ("I replaced the shared pricing spreadsheet with a small internal tool.", &[InventAndSimplify], &[]),
    ("Finance replaced the spreadsheet last year.", &[], &[InventAndSimplify]),
    // Inviting attack on one's own plan; modelling scenarios before the call.
    ("I asked two staff engineers to tear apart my design before the review.", &[AreRightALot], &[]),
    ("The reviewers tore apart the vendor's proposal.", &[], &[AreRightALot]),
    ("I modelled four demand scenarios before committing to the warehouse lease.", &[AreRightALot], &[]),
    ("Finance modelled three scenarios for the board.", &[], &[AreRightALot]),
    // Explaining what happened; keeping people updated through bad news.
    ("I emailed every affected school explaining what happened and what we would change.", &[EarnTrust], &[]),
    ("The status page explained what happened.", &[], &[EarnTrust]),
    ("I kept the clinic managers updated every week, even when the news was bad.", &[EarnTrust], &[]),
    ("My manager kept me updated on the reorg.", &[], &[EarnTrust]),
    // A target met, as a share of it.
    ("I closed the year at 112% of our bookings target.", &[DeliverResults], &[]),
    ("Sales reached 90% of target before I joined.", &[], &[DeliverResults]),
    // On-call shifts as the team's burden; data kept to what is needed; dark patterns removed.
    ("I cut weekend on-call shifts from four a month to one.", &[StriveToBeEarthsBestEmployer], &[]),
    ("The on-call shifts were twelve hours long.", &[], &[StriveToBeEarthsBestEmployer]),
    ("We changed the app to store only the city, not the exact address.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("I visited the flagship store only once.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    ("I removed the dark pattern that made cancelling a subscription hard.", &[SuccessAndScaleBringBroadResponsibility], &[]),
    ("Our competitor's checkout was full of dark patterns.", &[], &[SuccessAndScaleBringBroadResponsibility]),
    // The dev9 round: the five principles the held-out sets read worst, in the words real drafts use for them.
    // Customer Obsession: hearing customers by phone, in a test or beside them; building around what they asked
    // for or got stuck on ("our customers" opening a topic is whose it is, not who acted); judging the work by
    // what it did for them; making sure they were better off.
    ("I phoned a dozen landlords who had left the platform.", &[CustomerObsession], &[]),
    ("I tested the new booking flow with nine patients in a clinic waiting room.", &[CustomerObsession], &[]),
    ("I recruited six sellers to try the draft listing page.", &[CustomerObsession], &[HireAndDevelopTheBest]),
    ("Our QA team tested the build with synthetic users.", &[], &[CustomerObsession]),
    ("The vendor recruited twenty drivers for the study.", &[], &[CustomerObsession]),
    ("I rebuilt the export around the three reports accountants asked for most.", &[CustomerObsession], &[]),
    ("Our customers kept asking for a dark mode.", &[], &[CustomerObsession]),
    ("I measured the redesign by how many renters finished an application.", &[CustomerObsession], &[]),
    ("The board measured us by how many units we sold.", &[], &[CustomerObsession]),
    ("I moved the billing cutoff so that shoppers were never charged twice.", &[CustomerObsession], &[]),
    ("The bank changed the rules so that customers would pay more fees.", &[], &[CustomerObsession]),
    // Ownership: doing it oneself, taking on what nobody watched or another team owned, putting oneself on the
    // hook, fixing instead of passing it on, and seeing it through from start to finish.
    ("I rewrote the broken importer myself over two evenings.", &[Ownership], &[]),
    ("I asked myself whether the metric was right.", &[], &[Ownership]),
    ("Nobody was watching the export queue, so I set up an alert for it.", &[Ownership], &[]),
    ("Nobody was watching the export queue.", &[], &[Ownership]),
    ("The scheduler was the platform team's, but I fixed its retry bug.", &[Ownership], &[]),
    ("The scheduler was the platform team's.", &[], &[Ownership]),
    ("I added myself to the on-call rotation for the vendor gateway.", &[Ownership], &[]),
    ("I closed every loose end from the migration over the next month.", &[Ownership], &[]),
    ("My lead tied up the loose ends after launch.", &[], &[Ownership]),
    ("I patched the parser upstream instead of filing a ticket with its maintainers.", &[Ownership], &[]),
    ("The support team escalated instead of filing a ticket.", &[], &[Ownership]),
    ("I ran the carrier onboarding from kickoff to cutover.", &[Ownership], &[]),
    ("Our point of contact at the vendor left in May.", &[], &[Ownership]),
    // Deliver Results: the date agreed, with time to spare; clearing the backlog and keeping it on track; a
    // measure brought to a new level; the number that was set, met or beaten.
    ("I got the claims export into production before the audit.", &[DeliverResults], &[]),
    ("Finished the SOC 2 evidence with a week to spare.", &[DeliverResults], &[]),
    ("The vendor shipped on the agreed date.", &[], &[DeliverResults]),
    ("We launched the gift-card flow before the holiday freeze.", &[DeliverResults], &[]),
    ("The code freeze started before the holidays.", &[], &[DeliverResults]),
    ("I kept the migration on track after two engineers left.", &[DeliverResults], &[]),
    ("The project manager kept the rollout on track.", &[], &[DeliverResults]),
    ("I cut scope.", &[], &[DeliverResults]),
    ("I lifted on-time delivery to 96%, up from 88%.", &[DeliverResults], &[]),
    ("Headcount grew to 40 when the company raised its Series B.", &[], &[DeliverResults]),
    ("Signed 14 new clinics in my first year, against a goal of ten.", &[DeliverResults], &[]),
    ("Our sales team signed 30 new customers last quarter.", &[], &[DeliverResults]),
    // Earn Trust: saying plainly that the mistake was ours, correcting one's own numbers, telling those affected,
    // answering every question, keeping a status page, crediting others.
    ("I wrote to the merchants that the billing error was ours.", &[EarnTrust], &[]),
    ("I corrected my own forecast at the next business review.", &[EarnTrust], &[]),
    ("When I saw the estimate was wrong, I went to my director and said so.", &[EarnTrust], &[]),
    ("The vendor said the mistake was ours.", &[], &[EarnTrust]),
    ("Our error budget was spent by March.", &[], &[EarnTrust]),
    ("I told every affected clinic before the change went live.", &[EarnTrust], &[]),
    ("I answered every question the nurses' union raised about the rota.", &[EarnTrust], &[]),
    ("I posted hourly notes on the status page during the outage.", &[EarnTrust], &[]),
    ("I credited the two interns in the release notes.", &[EarnTrust], &[]),
    ("Our support lead updated the status page.", &[], &[EarnTrust]),
    // Insist on the Highest Standards: having work redone, keeping it in beta or pulling it until it was right;
    // rules every change must meet, a defect fixed at its source, defects kept in view.
    ("I had the agency redo the illustrations because the colours failed contrast checks.", &[InsistOnTheHighestStandards], &[]),
    ("I kept the scanner app in beta until it read damaged labels reliably.", &[InsistOnTheHighestStandards], &[]),
    ("I pulled the release when I found it corrupted saved drafts.", &[InsistOnTheHighestStandards], &[]),
    ("The vendor pulled the update after a week.", &[], &[InsistOnTheHighestStandards]),
    ("The manager made us redo the slides.", &[], &[InsistOnTheHighestStandards]),
    ("I required every migration to ship with a rollback script.", &[InsistOnTheHighestStandards], &[]),
    ("I treated every broken link as a bug.", &[InsistOnTheHighestStandards], &[]),
    ("I fixed the rounding at its source instead of adjusting the report.", &[InsistOnTheHighestStandards], &[]),
    ("The regulator required every bank to report monthly.", &[], &[InsistOnTheHighestStandards]),
    ("The spec listed acceptance criteria for each story.", &[], &[InsistOnTheHighestStandards]),
    ("I fixed every flaky test in the checkout suite.", &[InsistOnTheHighestStandards], &[]),
    ("The flaky tests slowed everyone down.", &[], &[InsistOnTheHighestStandards]),
    // The words drafts commonly use for the five, beyond dev9's own sentences: research with customers and what
    // mattered to them; stepping into a gap or past one's remit; owning one's part and giving people
    // visibility; the result a change led to, within budget; rigour, readiness reviews, no corners cut.
    ("I ran discovery calls with eight freight brokers before writing the spec.", &[CustomerObsession], &[]),
    ("The research team ran focus groups in April.", &[], &[CustomerObsession]),
    ("I ranked the backlog by customer impact instead of effort.", &[CustomerObsession], &[]),
    ("The outage had little customer impact.", &[], &[CustomerObsession]),
    ("When our only iOS engineer left, I jumped in and finished the release.", &[Ownership], &[]),
    ("Our director took charge of the incident.", &[], &[Ownership]),
    ("Billing wasn't my area, but I traced the double charges for the support team.", &[Ownership], &[]),
    ("Billing wasn't my area.", &[], &[Ownership]),
    ("I came clean to the client about the missed test.", &[EarnTrust], &[]),
    ("The contractor came clean about the delay.", &[], &[EarnTrust]),
    ("I gave the finance team visibility into every open risk.", &[EarnTrust], &[]),
    ("The vendor gave us no visibility into their roadmap.", &[], &[EarnTrust]),
    ("I rebuilt the reminders, which led to a 12% drop in no-shows.", &[DeliverResults], &[]),
    ("The price rise led to a 5% drop in orders.", &[], &[DeliverResults]),
    ("Delivered the scanner upgrade within budget.", &[DeliverResults], &[]),
    ("The project stayed within budget.", &[], &[DeliverResults]),
    ("I introduced a rigorous test plan for the dosing module.", &[InsistOnTheHighestStandards], &[]),
    ("The auditors ran a rigorous review of our books.", &[], &[InsistOnTheHighestStandards]),
    ("I ran a launch readiness review with support, legal and ops.", &[InsistOnTheHighestStandards], &[]),
    ("Legal owns the launch readiness review.", &[], &[InsistOnTheHighestStandards]),
    ("I didn't cut corners on the dosage checks, even with the deadline close.", &[InsistOnTheHighestStandards], &[]),
    ("I hope we didn't cut corners.", &[], &[InsistOnTheHighestStandards]),
    // Thinking of whoever comes next; a measure brought under a line; a deal won.
    ("I wrote the setup guide so the next engineer would not lose a week to it.", &[Ownership], &[]),
    ("The next team inherited the service.", &[], &[Ownership]),
    ("I cut the refund wait to under two days.", &[DeliverResults], &[]),
    ("Wait times dropped to under an hour after the vendor's fix.", &[], &[DeliverResults]),
    ("I won the contract with the state lottery by cutting the pilot to six weeks.", &[DeliverResults], &[]),
    ("Our sales director closed the deal in May.", &[], &[DeliverResults]),
    // What customers feel and measure; a result above the plan; respect and credibility earned.
    ("I cut ticket volume per order by rewriting the delivery emails.", &[CustomerObsession], &[]),
    ("Ticket volume doubled every December.", &[], &[CustomerObsession]),
    ("I beat the quarter's sign-up forecast by 18%.", &[DeliverResults], &[]),
    ("The finance team beat the forecast.", &[], &[DeliverResults]),
    ("I rebuilt my credibility with the ops leads by fixing their top three complaints first.", &[EarnTrust], &[]),
    ("The new director had a lot of credibility with sales.", &[], &[EarnTrust]),
    // Numbers that are all years say when, not how much.
    ("I ran the ads reporting dashboard from 2021 to 2023.", &[], &[DeliverResults]),
    ("I cut weekly support tickets from 2050 to 900.", &[DeliverResults], &[]),
    ("I cut the monthly cloud bill from $2000 to $800.", &[DeliverResults], &[]),
    // The dev10 round, for the same five. Customer Obsession: going after the customers who left and asking
    // why, bringing customers into the team's work, making good a charge they should not have paid.
    ("I called every customer who had churned in March.", &[CustomerObsession], &[]),
    ("The accounts that had churned were written off by finance.", &[], &[CustomerObsession]),
    ("I rang a dozen former members to find out why they cancelled.", &[CustomerObsession], &[]),
    ("Our analysts guessed why they churned.", &[], &[CustomerObsession]),
    ("I invited six merchants to our quarterly planning review.", &[CustomerObsession], &[]),
    ("I invited the engineers to the sprint demo.", &[], &[CustomerObsession]),
    ("Our marketing team invited two hundred customers to the launch party.", &[], &[CustomerObsession]),
    ("I waived the overdraft fees for every account the bug had touched.", &[CustomerObsession], &[]),
    ("The bank waived the fees after a complaint.", &[], &[CustomerObsession]),
    // Ownership: staying answerable after launch, taking on what nobody tracked, making oneself the owner,
    // keeping it running until someone else could, not blaming others.
    ("I remained responsible for the billing service after the reorg and kept its alarms green.", &[Ownership], &[]),
    ("My manager stayed responsible for hiring.", &[], &[Ownership]),
    ("Nobody was tracking the expiring contracts, so I built a renewal calendar.", &[Ownership], &[]),
    ("No one was tracking the expiring contracts when I joined.", &[], &[Ownership]),
    ("I made myself the single owner of the vendor relationship.", &[Ownership], &[]),
    ("The vendor relationship had no single owner.", &[], &[Ownership]),
    ("I kept running the payroll sync until a new owner was found.", &[Ownership], &[]),
    ("The payroll sync went unmonitored until a new owner was found.", &[], &[Ownership]),
    ("When the supplier slipped, I didn't blame them and rebuilt the plan around the delay.", &[Ownership], &[]),
    ("My manager didn't blame anyone for the outage.", &[], &[Ownership]),
    // Earn Trust: naming what one should have done, owning up, correcting the record, sharing what looks bad,
    // revising one's numbers in public, crediting whoever did the work, disclosing, letting people see the raw
    // data and the reasons, hearing out the skeptics.
    ("In the retro I listed what I should have caught in review.", &[EarnTrust], &[]),
    ("I don't know what I should have done differently.", &[], &[EarnTrust]),
    ("I owned up in the review that my estimate had been wrong.", &[EarnTrust], &[]),
    ("The vendor owned up to the delay.", &[], &[EarnTrust]),
    ("I sent a correction to the whole division the next morning.", &[EarnTrust], &[]),
    ("The newspaper published a correction.", &[], &[EarnTrust]),
    ("I presented the retention numbers, including the cohorts that made my launch look bad.", &[EarnTrust], &[]),
    ("A rival's campaign made our launch look bad.", &[], &[EarnTrust]),
    ("I revised my forecast in front of the leadership team once the new data came in.", &[EarnTrust], &[]),
    ("I credited the analyst whose model caught the fraud ring.", &[EarnTrust], &[]),
    ("The VP thanked the team whose launch went well.", &[], &[EarnTrust]),
    ("I disclosed the pricing error to our partners before the invoices went out.", &[EarnTrust], &[]),
    ("The vendor disclosed the vulnerability last year.", &[], &[EarnTrust]),
    ("I kept a decision log so anyone could see why each trade-off was made.", &[EarnTrust], &[]),
    ("The wiki page was public for anyone to see.", &[], &[EarnTrust]),
    ("I let the finance team see the raw usage data, not just my charts.", &[EarnTrust], &[]),
    ("Our analysts showed us the raw data.", &[], &[EarnTrust]),
    ("I met the skeptics on the ops team first and answered their objections.", &[EarnTrust], &[]),
    // Deliver Results: the target or every milestone met, released anyway, work got over the line and every
    // commitment shipped, before the competition, pushed through, by the year's end, no deadline missed.
    ("We met every quarterly milestone on the payments roadmap.", &[DeliverResults], &[]),
    ("The sales team hit the annual revenue target.", &[], &[DeliverResults]),
    ("Our test lab flooded, and I still released the update on schedule.", &[DeliverResults], &[]),
    ("The competitor still released their app.", &[], &[DeliverResults]),
    ("I got the data-sharing agreement over the line after four rounds with legal.", &[DeliverResults], &[]),
    ("Our partner's lawyers got the contract over the line.", &[], &[DeliverResults]),
    ("I closed out every open audit finding.", &[DeliverResults], &[]),
    ("Finance closed out the fiscal year.", &[], &[DeliverResults]),
    ("We shipped every committed feature in the quarter.", &[DeliverResults], &[]),
    ("The roadmap listed every committed feature.", &[], &[DeliverResults]),
    ("I launched same-day delivery in Lisbon before our competitors.", &[DeliverResults], &[]),
    ("A startup shipped the feature ahead of our competitors.", &[], &[DeliverResults]),
    ("I pushed the pricing change through ahead of the competition.", &[DeliverResults], &[]),
    ("I launched the partner API by the end of the year.", &[DeliverResults], &[]),
    ("The board expected results by the end of the year.", &[], &[DeliverResults]),
    ("In two years on the payroll team, I never missed a release.", &[DeliverResults], &[]),
    ("The agency never missed a deadline.", &[], &[DeliverResults]),
    // Insist on the Highest Standards: having work rebuilt, delaying a release to fix it, not letting it launch,
    // iterating until it is right, holding others to a target, a rule for every change, a style guide, every
    // reported defect fixed first.
    ("I asked the team to rebuild the ranking after finding stale results at the top.", &[InsistOnTheHighestStandards], &[]),
    ("My manager asked me to rewrite the spec.", &[], &[InsistOnTheHighestStandards]),
    ("I delayed the release by two days to fix a crash on older tablets.", &[InsistOnTheHighestStandards], &[]),
    ("The vendor delayed the shipment to fix a labelling error.", &[], &[InsistOnTheHighestStandards]),
    ("I would not let the campaign launch until legal had cleared every claim.", &[InsistOnTheHighestStandards], &[]),
    ("The regulator would not let the product launch in France.", &[], &[InsistOnTheHighestStandards]),
    ("I kept iterating on the invoice template until every field matched the tax rules.", &[InsistOnTheHighestStandards], &[]),
    ("The designers kept iterating on the logo.", &[], &[InsistOnTheHighestStandards]),
    ("I held every carrier to a 98% on-time target.", &[InsistOnTheHighestStandards], &[]),
    ("The contract held us to a 99.9% uptime target.", &[], &[InsistOnTheHighestStandards]),
    ("I insisted that every schema change go through a design review.", &[InsistOnTheHighestStandards], &[]),
    ("Our CTO insisted that every team use the same framework.", &[], &[InsistOnTheHighestStandards]),
    ("I wrote a style guide for error messages and reviewed new screens against it.", &[InsistOnTheHighestStandards], &[]),
    ("The style guide lived on the design wiki.", &[], &[InsistOnTheHighestStandards]),
    ("I fixed every defect from the pilot before the rollout.", &[InsistOnTheHighestStandards], &[]),
    ("The contractor fixed every bug before handover.", &[], &[InsistOnTheHighestStandards]),
    // The common words of drafts for the five, beyond dev10's own sentences: what mattered most to customers,
    // going back to them, their voice and councils; not waiting for someone else, acting like an owner, raising
    // one's hand, following up until every action item closed; goals met, blockers removed, milestones
    // tracked, the estimate beaten; reasoning explained, nobody surprised, escalating early; refusing to launch,
    // not being satisfied, every change reviewed or every edge case tested before release, the root cause fixed.
    ("I fixed first the defects that mattered most to our clinicians.", &[CustomerObsession], &[]),
    ("The defects that mattered most to our clinicians were in the dosing screen.", &[], &[CustomerObsession]),
    ("I went back to the merchants with the prototype before we built it.", &[CustomerObsession], &[]),
    ("I set up a customer advisory council of twelve retailers.", &[CustomerObsession], &[]),
    ("The previous PM had disbanded the customer advisory council.", &[], &[CustomerObsession]),
    ("I didn't wait for someone else to fix the broken build.", &[Ownership], &[]),
    ("I waited for the platform team to fix the broken build.", &[], &[Ownership]),
    ("I spent the vendor budget as if it were my own money.", &[Ownership], &[]),
    ("I raised my hand to lead the warehouse cutover.", &[Ownership], &[]),
    ("I took the lead on the carrier outage.", &[Ownership], &[]),
    ("My manager took the lead on the carrier outage.", &[], &[Ownership]),
    ("I followed up with each team until every action item was closed.", &[Ownership], &[]),
    ("The retro produced a list of action items.", &[], &[Ownership]),
    ("We exceeded our quarterly activation goal by 20%.", &[DeliverResults], &[]),
    ("Our rivals exceeded their quarterly goal.", &[], &[DeliverResults]),
    ("I removed the blockers for the mobile team every morning.", &[DeliverResults], &[]),
    ("I broke the migration into milestones and tracked progress every Friday.", &[DeliverResults], &[]),
    ("I delivered the integration in six weeks instead of the estimated twelve.", &[DeliverResults], &[]),
    ("The estimated cost was twelve weeks of work.", &[], &[DeliverResults]),
    ("I explained my reasoning to the support leads before the change went out.", &[EarnTrust], &[]),
    ("My manager explained the reasoning behind the reorg.", &[], &[EarnTrust]),
    ("I escalated the vendor delay early so leadership wasn't surprised.", &[EarnTrust], &[]),
    ("Leadership wasn't surprised by the results.", &[], &[EarnTrust]),
    ("I refused to launch until the crash rate was below 0.1%.", &[InsistOnTheHighestStandards], &[]),
    ("I wasn't satisfied with the first version, so I asked the designer to iterate.", &[InsistOnTheHighestStandards], &[]),
    ("The client was not satisfied with the first version.", &[], &[InsistOnTheHighestStandards]),
    ("I reviewed every pull request before it was merged.", &[InsistOnTheHighestStandards], &[]),
    ("I made sure every edge case was tested before release.", &[InsistOnTheHighestStandards], &[]),
    ("The spec listed the edge cases.", &[], &[InsistOnTheHighestStandards]),
    ("I traced the discrepancies and fixed the root cause in the importer.", &[InsistOnTheHighestStandards], &[]),
    // Earn Trust as drafts tell it: a relationship repaired, small commitments delivered on, people brought into
    // the decision early, feedback asked on one's own work, the ball one dropped, saying plainly what one does
    // not know, deferring to others' expertise, decisions documented and shared. Customer Obsession: how
    // customers actually used it, what they preferred, using the product as a customer would.
    ("I set up monthly one-on-ones with the finance director to rebuild the relationship.", &[EarnTrust], &[]),
    ("I made a point of delivering on small commitments first.", &[EarnTrust], &[]),
    ("I brought the warehouse leads into the decision before we picked a vendor.", &[EarnTrust], &[]),
    ("The project involved three teams from the start.", &[], &[EarnTrust]),
    ("I asked my reports for feedback on my own performance.", &[EarnTrust], &[]),
    ("I told the client that I had dropped the ball on the data export.", &[EarnTrust], &[]),
    ("The vendor dropped the ball on the data export.", &[], &[EarnTrust]),
    ("When the auditor asked about retention, I said I didn't know and would find out.", &[EarnTrust], &[]),
    ("I deferred to the security team's expertise on the key rotation.", &[EarnTrust], &[]),
    ("The VP deferred to the legal team.", &[], &[EarnTrust]),
    ("From their perspective, the app was slow.", &[], &[EarnTrust]),
    ("I documented the decision and shared it with every stakeholder.", &[EarnTrust], &[]),
    ("I looked at how customers were actually using the export.", &[CustomerObsession], &[]),
    ("I ran an A/B test to learn which layout shoppers preferred.", &[CustomerObsession], &[]),
    ("I used the app every morning as a customer would.", &[CustomerObsession], &[]),
    ("The analysts asked how users were actually signing in.", &[], &[CustomerObsession]),
];

/// Setup sentences: a coach says nothing about principles here.
const NEUTRAL: &[&str] = &[
    "The team owned the billing service.",
    "It was Q3 and the launch was close.",
    "Our service handled about 2,000 requests per second.",
    "The company had just reorganised into three product groups.",
    "I joined the payments team in 2021.",
    "Last spring, the mobile app moved to a new design system.",
    "I noticed burnout creeping into the team and turnover rising.",
    "We had 40% turnover the year before I arrived.",
    "The checkout page took four seconds to load on older phones.",
    "Cloud costs were around $400,000 a year when I joined.",
    "We had 40% turnover the year I arrived.",
    "We had hosting costs of about $30,000 a month.",
];

#[test]
fn sentences_show_the_principles_a_coach_would_name() {
    let mut failures = Vec::new();
    for (text, must, must_not) in CASES {
        let got = shown(text);
        for p in *must {
            if !got.contains(p) {
                failures.push(format!("missing {}: {text:?} -> {:?}", p.name(), got));
            }
        }
        for p in *must_not {
            if got.contains(p) {
                failures.push(format!("unwanted {}: {text:?} -> {:?}", p.name(), got));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Each family's principle is shown by every sentence of its first list and by none of its second (the same
/// words, told so a coach would not credit them); every miss is reported at once.
fn read_both_ways(families: &[(Principle, &[&str], &[&str])]) {
    let mut failures = Vec::new();
    for (p, shows, silent) in families {
        for text in *shows {
            if !shown(text).contains(p) {
                failures.push(format!(
                    "missing {}: {text:?} -> {:?}",
                    p.name(),
                    shown(text)
                ));
            }
        }
        for text in *silent {
            if shown(text).contains(p) {
                failures.push(format!(
                    "unwanted {}: {text:?} -> {:?}",
                    p.name(),
                    shown(text)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Hit rate, precision and silence (as `examples/eval_principles` computes them) on a JSONL file of our own
/// labelled sentences.
fn figures(jsonl: &str) -> (f32, f32, f32) {
    let (mut labelled, mut hits, mut predicted, mut right, mut neutral, mut silent) =
        (0, 0, 0, 0, 0, 0);
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
        let text = row["text"].as_str().expect("text");
        let labels: Vec<Principle> = row["lps"]
            .as_array()
            .expect("lps")
            .iter()
            .map(|l| Principle::from_name(l.as_str().expect("label")).expect("known principle"))
            .collect();
        let got = shown(text);
        if labels.is_empty() {
            neutral += 1;
            silent += usize::from(got.is_empty());
        } else {
            labelled += 1;
            hits += usize::from(got.iter().any(|p| labels.contains(p)));
        }
        predicted += got.len();
        right += got.iter().filter(|p| labels.contains(p)).count();
    }
    let share = |a: usize, b: usize| a as f32 / b.max(1) as f32;
    (
        share(hits, labelled),
        share(right, predicted),
        share(silent, neutral),
    )
}

/// Our own sentences with the principles a coach would name (tests/fixtures, written for this project; never
/// corpus text). The dev sets guided the cue work; the held-out sets were written apart from it and never
/// tuned on (only their summary figures are looked at). Since session 13 every set but held-out 11 is also
/// counted in `vocabulary.tsv` (the words each principle's sentences use): held-out 11 is the one read blind.
/// The floors sit under today's figures: a change that reads our own prose worse fails here.
#[test]
fn own_labelled_sentences_read_as_a_coach_would() {
    for (name, jsonl, hit, precision, silence) in [
        (
            "dev",
            include_str!("../../../tests/fixtures/principles_own_dev.jsonl"),
            0.85,
            0.8,
            0.9,
        ),
        (
            "held-out",
            include_str!("../../../tests/fixtures/principles_own_heldout.jsonl"),
            0.72,
            0.82,
            0.9,
        ),
        (
            "dev2",
            include_str!("../../../tests/fixtures/principles_own_dev2.jsonl"),
            0.88,
            0.9,
            0.9,
        ),
        (
            "held-out 2",
            include_str!("../../../tests/fixtures/principles_own_heldout2.jsonl"),
            // Its labels also credit the writer with colleagues' acts, which are not the writer's.
            0.46,
            0.6,
            0.9,
        ),
        (
            "dev3",
            include_str!("../../../tests/fixtures/principles_own_dev3.jsonl"),
            0.85,
            0.79,
            0.9,
        ),
        (
            // Written apart from the lexicon by a session that saw neither it nor the corpus; a dozen of
            // its sentences were looked at once, when the dev3 cues were reviewed before merging.
            "held-out 3",
            include_str!("../../../tests/fixtures/principles_own_heldout3.jsonl"),
            0.42,
            0.58,
            0.9,
        ),
        (
            // Written the same way after the dev3 cues were done; only its summary has been read.
            "held-out 4",
            include_str!("../../../tests/fixtures/principles_own_heldout4.jsonl"),
            0.45,
            0.54,
            0.9,
        ),
        (
            // Written blind by a helper session that saw neither the project nor the corpus, after every
            // cue round up to dev4; only its summary has been read.
            "held-out 5",
            include_str!("../../../tests/fixtures/principles_own_heldout5.jsonl"),
            0.51,
            0.55,
            0.9,
        ),
        (
            // Written the same way after the dev5 cues; only its summary has been read.
            "held-out 6",
            include_str!("../../../tests/fixtures/principles_own_heldout6.jsonl"),
            0.58,
            0.58,
            0.9,
        ),
        (
            // Written before it was first scored; its sentences guided the dev4 precision fixes and families.
            "dev4",
            include_str!("../../../tests/fixtures/principles_own_dev4.jsonl"),
            0.79,
            0.87,
            0.9,
        ),
        (
            // Written before it was first scored or the lexicon was read; a quarter of it is tempting non-acts
            // (others' acts, negations, wishes, instructions, circumstances). Guided the dev5 grammar and families.
            "dev5",
            include_str!("../../../tests/fixtures/principles_own_dev5.jsonl"),
            0.92,
            0.78,
            0.9,
        ),
        (
            // Written before it was first scored or the lexicon was read: long clauses, relative clauses, passive
            // results, plain acts and casual drafts, a fifth of it tempting non-acts. Guided the dev6 round.
            "dev6",
            include_str!("../../../tests/fixtures/principles_own_dev6.jsonl"),
            0.83,
            0.76,
            0.9,
        ),
        (
            // Written blind by a helper session after the dev6 cues; only its summary has been read. A tenth of
            // it is tempting non-acts (others' acts, negations, wishes, principles named), and four of those
            // ten read as acts when it was written.
            "held-out 7",
            include_str!("../../../tests/fixtures/principles_own_heldout7.jsonl"),
            0.52,
            0.6,
            0.78,
        ),
        (
            // Written before it was first scored or the lexicon was read: 18 domains, every principle at least five
            // times, a fifth of it neutral setup or tempting non-acts. Guided the dev7 round.
            "dev7",
            include_str!("../../../tests/fixtures/principles_own_dev7.jsonl"),
            0.92,
            0.77,
            0.9,
        ),
        (
            // Written before the grammar was read: 58 tempting non-acts (others' acts, negations, regrets and
            // plans, instructions, claims, beliefs, circumstances, questions) beside 45 acts with the same words.
            // Two of the 58 read as acts when it was written. Guided the dev8 silence round.
            "dev8",
            include_str!("../../../tests/fixtures/principles_own_dev8.jsonl"),
            0.7,
            0.82,
            0.97,
        ),
        (
            // Written before it was first scored, in words the cue list did not hold: about 20 acts each for the
            // five principles the held-out sets read worst, and 22 neutral or tempting lines. Guided the dev9
            // round (hit 0.02 and silence 0.86 when written).
            "dev9",
            include_str!("../../../tests/fixtures/principles_own_dev9.jsonl"),
            0.63,
            0.77,
            0.9,
        ),
        (
            // Written before it was first scored: 18 acts each for the five principles the held-out sets still
            // read worst, 11 lines for the grammar gaps (a cue as the subject, "planned" as a past act, frames
            // with a long object between their parts) and 20 neutral or tempting lines. Guided the dev10 round
            // (hit 0.41 and silence 0.96 when written).
            "dev10",
            include_str!("../../../tests/fixtures/principles_own_dev10.jsonl"),
            0.77,
            0.72,
            0.95,
        ),
        (
            // Written before it was first scored or any dev11 change: the setup families the reader left
            // silent (a gap in people's skills, a colleague's career, harm reaching customers, a missing
            // safeguard, needless complexity, work nobody owned), 42 hard negatives or neutral lines, ten lines of
            // other principles. Guided the dev11 round (hit 0.243, precision 0.706, silence 0.833 when written).
            "dev11",
            include_str!("../../../tests/fixtures/principles_own_dev11.jsonl"),
            0.9,
            0.78,
            0.85,
        ),
        (
            // Written by a helper session before it was first scored or any dev12 change, after the dev11 round:
            // 15-16 everyday acts each for the five principles the held-out sets read worst (Earn Trust,
            // Customer Obsession, Deliver Results, Invent and Simplify, Insist on the Highest Standards), six
            // each for Are Right, A Lot and Bias for Action, 37 hard negatives and neutral lines (others' acts,
            // negations, plans and regrets, the same words without an act, the writer's own mistakes, principles
            // named). Guided the dev12 round (eval: hit 0.534, precision 0.689, silence 0.946 when written;
            // 0.784 / 0.777 / 0.946 after it, 0.784 / 0.734 / 0.946 here, where precision counts only `lps`).
            "dev12",
            include_str!("../../../tests/fixtures/principles_own_dev12.jsonl"),
            0.75,
            0.71,
            0.9,
        ),
        (
            // Written by a helper session before it was first scored or any dev13 change: 18 acts each in everyday
            // wordings for Ownership, Strive to be Earth's Best Employer, Success and Scale Bring Broad
            // Responsibility and Think Big, and 32 hard negatives or neutral lines. Guided the dev13 round (eval:
            // hit 0.153, precision 0.551, silence 0.875 when written; 0.319 / 0.639 / 0.875 after the Best
            // Employer families, the only ones kept; 0.319 / 0.377 / 0.875 by this test's sentence labels).
            "dev13",
            include_str!("../../../tests/fixtures/principles_own_dev13.jsonl"),
            0.3,
            0.35,
            0.85,
        ),
        (
            // Written blind by a helper session after the dev9 cues, from the principles' definitions and the seed
            // article only; only its summary has been read. Eight acts each for eight principles and four for the
            // rest, everyday wordings, 18 neutral lines of which 8 tempting. Read 0.537 / 0.841 / 0.944 (eval)
            // before the dev10 round and the same after it.
            "held-out 8",
            include_str!("../../../tests/fixtures/principles_own_heldout8.jsonl"),
            0.5,
            0.7,
            0.9,
        ),
        (
            // Written blind by a helper session after the dev10 round, from the principles' definitions and the
            // seed article only; only its summary has been read. At least four acts per principle, a third of
            // them setup or noticing lines, 13 neutral lines (naming, others' acts). Read 0.483 / 0.793 / 1.0
            // (eval) before the dev11 round and 0.506 / 0.814 / 1.0 after it.
            "held-out 9",
            include_str!("../../../tests/fixtures/principles_own_heldout9.jsonl"),
            0.47,
            0.75,
            0.9,
        ),
        (
            // Written blind by a helper session at the start of session 12, from the principles' definitions and
            // the seed article only, before the dev12 and dev13 rounds; only its summary has been read. At least
            // four acts per principle (seven or more for the five read worst), a quarter setup or noticing lines,
            // a quarter results, 15 neutral lines. Read 0.565 / 0.766 / 1.0 (eval) before the rounds and
            // 0.576 / 0.797 / 1.0 after them (precision 0.671 here, against each sentence's own labels).
            "held-out 10",
            include_str!("../../../tests/fixtures/principles_own_heldout10.jsonl"),
            0.55,
            0.64,
            0.9,
        ),
        (
            // Written blind by a helper session at the start of session 13, from the principles' definitions and
            // the seed article only (170 lines: eight acts per principle, 42 setup lines); only its summary has
            // been read, and `vocabulary.toml` keeps it out of the word counts. Read 0.547 / 0.716 / 0.976
            // (eval) with the cues alone, 0.602 / 0.717 / 0.929 with the words of dev1-13 and held-out 1-10
            // read where no cue spoke, 0.641 / 0.728 / 0.929 with dev14-16 counted too and the words also
            // adding a principle beside the cues', 0.648 / 0.730 / 0.929 with dev17 and dev19 counted, and
            // 0.641 / 0.728 / 0.929 with dev18 too and only telling words shown (`min_lean`).
            "held-out 11",
            include_str!("../../../tests/fixtures/principles_own_heldout11.jsonl"),
            0.6,
            0.62,
            0.9,
        ),
        (
            // Written blind by a helper session at the start of session 14, as held-out 11 was (from the
            // principles' definitions and the seed article only; 170 lines: eight acts per principle, 42
            // setup lines, 18 of them tempting). Only its summary has been read; `vocabulary.toml` keeps it
            // out of the word counts. First read 0.602 / 0.754 / 0.976 (eval; precision 0.639 as counted
            // here), with everything of session 13.
            "held-out 12",
            include_str!("../../../tests/fixtures/principles_own_heldout12.jsonl"),
            0.56,
            0.6,
            0.9,
        ),
        (
            // Written blind by a second helper session in session 14, with the same brief as held-out 12 (other
            // industries, and "we" stories with the writer's part clear), and read once, at the end of the
            // session, after the last change to the principles: 0.570 / 0.748 / 1.000 (eval; precision 0.622 as
            // counted here).
            "held-out 13",
            include_str!("../../../tests/fixtures/principles_own_heldout13.jsonl"),
            0.53,
            0.58,
            0.95,
        ),
        (
            // Written by a helper session in session 17 in an engineer's own voice (terse bullets, units
            // against numbers, non-native phrasing; 180 lines, 39 setup), and split in session 18 by line:
            // the odd lines are dev20, the even ones held out here. First read, before any change of session
            // 18: 0.451 / 0.615 / 0.842 (eval); after the session's cues from dev20 alone: 0.465 / 0.611 / 0.842.
            // Session 19: 0.479 / 0.642 / 0.842, from a grammar rule for a false reading seen here in session
            // 18 ("every team lead" read as company-wide reach), so that one sentence is no longer blind.
            "held-out 14",
            include_str!("../../../tests/fixtures/principles_own_heldout14.jsonl"),
            0.43,
            0.55,
            0.8,
        ),
        (
            // Written by three helper sessions in session 13 (blind to the code and the corpus), as words for
            // the vocabulary to count: terse resume lines (dev14), long spoken sentences (dev15), plain
            // wording with many tempting neutral lines (dev16).
            "dev14",
            include_str!("../../../tests/fixtures/principles_own_dev14.jsonl"),
            0.57,
            0.6,
            0.95,
        ),
        (
            "dev15",
            include_str!("../../../tests/fixtures/principles_own_dev15.jsonl"),
            0.72,
            0.6,
            0.9,
        ),
        (
            "dev16",
            include_str!("../../../tests/fixtures/principles_own_dev16.jsonl"),
            0.58,
            0.67,
            0.95,
        ),
        (
            // Three more, the same way: forty each for the four principles held-out 11's summary reads worst
            // (Ownership, Earth's Best Employer, Customer Obsession, Earn Trust) (dev17), and an engineer's
            // technical voice turning to product work (dev19).
            "dev17",
            include_str!("../../../tests/fixtures/principles_own_dev17.jsonl"),
            0.45,
            0.56,
            0.95,
        ),
        (
            "dev19",
            include_str!("../../../tests/fixtures/principles_own_dev19.jsonl"),
            0.64,
            0.58,
            0.95,
        ),
        (
            // The odd lines of the set held-out 14 comes from: the engineer's voice, to tune on and count.
            "dev20",
            include_str!("../../../tests/fixtures/principles_own_dev20.jsonl"),
            0.7,
            0.7,
            0.85,
        ),
        (
            // Session 19: 300 traps for a reader of cue words, written blind by two helper sessions (names,
            // roles, quotes, negations, plans, others' acts, problems in numbers; and genuine acts in
            // indirect words), split by line: odd lines here. First read (eval): 0.418 / 0.484 / 0.928;
            // after session 20's rules from its false readings: 0.418 / 0.509 / 0.952.
            "traps dev",
            include_str!("../../../tests/fixtures/principles_own_traps_dev.jsonl"),
            0.35,
            0.4,
            0.85,
        ),
        (
            // Their even lines, blind. First read (eval): 0.656 / 0.530 / 0.872; session 20: 0.656 / 0.537 /
            // 0.872.
            "traps held-out",
            include_str!("../../../tests/fixtures/principles_own_traps_heldout.jsonl"),
            0.55,
            0.45,
            0.8,
        ),
        (
            // And 24 whole stories of ten sentences (dev18), each sentence labelled on its own: a third setup,
            // and many results told without a subject, which the cues leave to the story by design.
            "dev18",
            include_str!("../../../tests/fixtures/principles_own_dev18.jsonl"),
            0.41,
            0.56,
            0.9,
        ),
    ] {
        let (h, p, s) = figures(jsonl);
        assert!(
            h >= hit && p >= precision && s >= silence,
            "{name}: hit {h:.3} precision {p:.3} silence {s:.3}"
        );
    }
}

#[test]
fn every_principle_has_at_least_five_cases_with_hard_negatives() {
    for p in Principle::ALL {
        let positive = CASES.iter().filter(|(_, m, _)| m.contains(&p)).count();
        let negative = CASES.iter().filter(|(_, _, n)| n.contains(&p)).count();
        assert!(
            positive + negative >= 5 && positive >= 3 && negative >= 2,
            "{}: {positive}+{negative}",
            p.name()
        );
    }
}

#[test]
fn neutral_setup_shows_nothing() {
    for text in NEUTRAL {
        assert_eq!(shown(text), vec![], "{text:?}");
    }
}

/// Words that share a stem with a cue but mean something else in engineering prose: "=word" cues.
#[test]
fn stem_neighbours_of_cues_are_not_evidence() {
    for (text, not) in [
        // "internals" and "intern", "execution plans" and "executives planned" share their stems.
        (
            "I joined as a machine learning engineer intern on the search team.",
            LearnAndBeCurious,
        ),
        ("Executives planned to move us to another cloud.", DiveDeep),
        (
            "I set up a staging environment for the load tests.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "I disabled the old endpoint after the migration.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "I assisted the platform team with the cutover.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "I renewed the TLS certificate for the API.",
            LearnAndBeCurious,
        ),
        ("I interviewed five candidates for the role.", EarnTrust),
        (
            "I added redundancy to the database cluster.",
            InventAndSimplify,
        ),
        (
            "In this case study I describe the payments rewrite.",
            LearnAndBeCurious,
        ),
        ("I redesigned the user profile page.", DiveDeep),
        ("I moved the attachments to object storage.", HaveBackbone),
        ("I wrote a small utility for parsing dates.", Frugality),
        (
            "I put a reverse proxy in front of the service.",
            BiasForAction,
        ),
        (
            "I used the standard library's HTTP client.",
            InsistOnTheHighestStandards,
        ),
        (
            "I split the contract renewals into two batches.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "We were fair to both vendors in the bake-off.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        // Words that share a stem with a kind of customer ("accountants", "dispatchers", "schedulers",
        // "applicants", "adjusters"): a call about them is no call with a customer.
        (
            "I called the accounts team about the invoice bug.",
            CustomerObsession,
        ),
        (
            "I called the dispatch desk every morning.",
            CustomerObsession,
        ),
        ("I rearranged the on-call schedule.", CustomerObsession),
        (
            "I called the applications group to ask for logs.",
            CustomerObsession,
        ),
        (
            "I called the adjustment job twice from the script.",
            CustomerObsession,
        ),
        // "minor" and "minors", "electrical" and "electricity", "international" and "interns", "engine"
        // and "engineers", "developed" and "developers", "built in March" and "built-in".
        (
            "I fixed a minor bug in the export.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "I rebuilt the electrical load model for the depot chargers.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "I onboarded the international merchants onto the new API.",
            HireAndDevelopTheBest,
        ),
        (
            "I trained the recommendation engine on a year of orders.",
            HireAndDevelopTheBest,
        ),
        (
            "I trained the model the vendor developed.",
            HireAndDevelopTheBest,
        ),
        (
            "I trained the classifier the team built in March.",
            InventAndSimplify,
        ),
        // "reviewed" and "reviews", "on-call" and "calls".
        (
            "I read the design doc and reviewed the pull requests.",
            CustomerObsession,
        ),
        (
            "I tagged the release and reviewed the changelog.",
            CustomerObsession,
        ),
        (
            "I listened to the on-call engineer walk through the incident.",
            CustomerObsession,
        ),
        // "organic" and "organization", "busy" and "business".
        ("I rolled it out across the organic search pages.", ThinkBig),
        ("I rolled the change out across the busy season.", ThinkBig),
    ] {
        assert!(!shown(text).contains(&not), "{text:?} -> {:?}", shown(text));
    }
    // The customers themselves still count, in either number.
    for text in [
        "I called the accountants who file through our app every quarter.",
        "I called a dispatcher at each depot to hear where the routing went wrong.",
        "I called twelve applicants who had abandoned the form.",
    ] {
        assert!(
            shown(text).contains(&CustomerObsession),
            "{text:?} -> {:?}",
            shown(text)
        );
    }
    // And the words written as themselves still count.
    for (text, principle) in [
        (
            "I asked parents before we stored any data about minors.",
            SuccessAndScaleBringBroadResponsibility,
        ),
        (
            "I trained the support team to spot fraud patterns.",
            HireAndDevelopTheBest,
        ),
        (
            "I mentored two interns through their first launch.",
            HireAndDevelopTheBest,
        ),
        (
            "I switched us to the built-in retry policy of the SDK.",
            InventAndSimplify,
        ),
        (
            "I shipped the app with two engineers instead of the planned six.",
            Frugality,
        ),
        ("I pushed the standard across the business.", ThinkBig),
        (
            "I read 300 app store reviews and tagged each by complaint.",
            CustomerObsession,
        ),
        (
            "I listened to twenty recorded support calls.",
            CustomerObsession,
        ),
        (
            "I rolled the new review process out across the whole organization.",
            ThinkBig,
        ),
    ] {
        assert!(
            shown(text).contains(&principle),
            "{text:?} -> {:?}",
            shown(text)
        );
    }
}

/// Words around a story that say when, where or how many, not what the writer chose to do: the time of
/// day, a count of teams or sites, an outcome everyone expects of a migration, a phrase of setup.
#[test]
fn circumstances_are_not_evidence() {
    for (text, not) in [
        (
            "I changed the on-call rota so the two parents on our team stopped getting night pages.",
            CustomerObsession,
        ),
        ("I counted how many users opened the app each day.", CustomerObsession),
        ("I met all 5 teams that used the service.", ThinkBig),
        ("We rolled the new scheduler out to 23 clinics in March.", ThinkBig),
        ("Our colleagues in Sydney were answering pages at midnight.", BiasForAction),
        (
            "The build server kept building images until the overnight batch finished.",
            BiasForAction,
        ),
        ("I investigated what had happened to the missing orders.", EarnTrust),
        ("I listed what we changed in the release notes.", EarnTrust),
        ("On paper the plan looked fine, so I approved it.", DiveDeep),
        ("I migrated the database with zero downtime.", DeliverResults),
        ("Conversion rose 12% the quarter I joined.", DeliverResults),
        ("Sales fell 18% before I joined.", DeliverResults),
    ] {
        assert!(!shown(text).contains(&not), "{text:?} -> {:?}", shown(text));
    }
}

#[test]
fn negation_and_hypotheticals_count_for_nothing() {
    for text in [
        "I didn't push back.",
        "I should have pushed back.",
        "If I had pushed back, we would have saved a week.",
        "I would have mentored the new hires myself.",
        "Next time I will interview customers before writing the spec.",
        "I never once dug into the logs.",
    ] {
        assert_eq!(shown(text), vec![], "{text:?}");
    }
    // "not just" is emphasis, not negation; a negation does not reach past "and" or a semicolon.
    assert!(
        shown("I didn't just fix the bug; I pushed back on the release until it had tests.")
            .contains(&HaveBackbone)
    );
    assert!(shown("I didn't wait and pushed back the same afternoon.").contains(&HaveBackbone));
    // A modal after "until" tells what came to pass; elsewhere it stays a wish.
    assert!(
        shown("I replayed a day of traffic until I could reproduce the timeout.")
            .contains(&DiveDeep)
    );
    assert_eq!(
        shown("If I could reproduce the timeout, I would dig into the traces."),
        vec![]
    );
}

/// The dev10 grammar: a cue that is the subject filed under a heading names a topic; "planned" with its object is
/// an act carried out; a frame written with `....` may have a long object between its parts, within one clause.
#[test]
fn topics_as_subjects_plans_carried_out_and_wide_frames() {
    let silent = |text: &str, p: Principle| assert!(!shown(text).contains(&p), "{text:?}");
    let reads = |text: &str, p: Principle| assert!(shown(text).contains(&p), "{text:?}");
    silent(
        "Honesty was one of the values we listed at the offsite.",
        EarnTrust,
    );
    silent(
        "Delivering on time was one of the values the team listed.",
        DeliverResults,
    );
    reads("What I got wrong was the staffing estimate.", EarnTrust);
    reads(
        "The goal I set was not a faster checkout but one customers never had to think about.",
        ThinkBig,
    );
    reads(
        "I planned the migration in three phases and delivered each one on time.",
        DeliverResults,
    );
    silent(
        "I planned to call every affected customer.",
        CustomerObsession,
    );
    silent(
        "I planned to deliver the migration on time.",
        DeliverResults,
    );
    reads(
        "I wrote the runbook for the whole billing system myself.",
        Ownership,
    );
    // Within `frame_gap` a wide frame is an ordinary one: a clause word in a short gap does not break it.
    reads("I ran the whole cutover by myself.", Ownership);
    silent(
        "I wrote the first draft of the proposal and asked myself whether it was needed.",
        Ownership,
    );
    reads(
        "I told the franchise owners at the quarterly meeting the truth about the delay.",
        EarnTrust,
    );
    reads(
        "I sent the mobile release back to the team because login took four seconds.",
        InsistOnTheHighestStandards,
    );
}

/// Sentences with a principle's words that are not the writer's act: a question, a condition, a habit or a
/// disposition claimed, someone else's named work, a situation. Each beside the act it must not silence.
/// The dev11 families: problems whose noticing shows a principle ([`Kind::Noticed`]), and other people's
/// careers ([`Kind::Theirs`]). Each family in several wordings, with the hard negatives a coach would not
/// credit: the writer's own gap, lack or career, a system that struggles, a customer word naming a system,
/// what someone else noticed or said.
#[test]
fn problems_the_writer_noticed_and_the_careers_of_others() {
    let families: &[(Principle, &[&str], &[&str])] = &[
        (
            HireAndDevelopTheBest,
            &[
                "I noticed a skills gap in accessibility testing across our QA team.",
                "I spotted a knowledge gap about the refund rules among the support engineers.",
                "I realised our new grad was struggling with the build system's caching.",
                "A new hire on the mobile squad lacked experience with offline sync, so I paired with him for a sprint.",
                "This program raised the team's skill level in incident command.",
                "We had a talent shortage in data engineering, so I ran weekly clinics on pipelines.",
            ],
            &[
                "The payment gateway struggled under the holiday load.",
                "I noticed a gap in the roadmap after the reorg.",
                "I lacked experience in Go when I started.",
                "The review process struggled with the number of changes.",
                "We raised the team's concerns with the vendor.",
                "I struggled with the new on-call tooling in my first month.",
                "The intern struggled with the flaky test suite all week.",
                "I moved into a product management role in 2022.",
                "I got promoted after the launch.",
            ],
        ),
        (
            StriveToBeEarthsBestEmployer,
            &[
                "I asked each of my reports about their career aspirations during our first one-on-ones.",
                "I offered to be a reference for him when he applied to other companies.",
                "I supported her transfer to the security team when she asked for it.",
                "I helped Tomas find a role on the payments team that suited his interest in finance.",
                "With my support, Lena moved into a product manager role the following year.",
            ],
            &[
                "I moved into a product management role in 2022.",
                "I discussed my own career goals with my director.",
                "The billing system transitioned to a new event architecture.",
                "We moved the console to role-based access.",
                "My director moved into a VP role last spring.",
                "I was promoted to staff engineer after the migration.",
                "I used the old dashboard as a reference for the new one.",
            ],
        ),
        (
            CustomerObsession,
            &[
                "I noticed the broken coupon flow was hurting shoppers at checkout.",
                "I realised the slow sync was causing late delivery alerts for customers.",
                "I saw that merchants were getting paid two days late.",
                "I spotted that the new layout was confusing buyers on tablets.",
                "The outage was blocking sellers from listing, so I rolled back the release.",
            ],
            &[
                "I noticed the customer table had grown past its index size.",
                "I noticed the batch job was causing lock contention on the customer database.",
                "The fix could have hurt customers if it had gone out.",
                "We finished the cutover without affecting any customers.",
                "No customers were affected by the outage.",
                "I noticed the new build was causing confusion in the finance team.",
            ],
        ),
        (
            InsistOnTheHighestStandards,
            &[
                "I noticed that the refund service had no automated tests.",
                "I realised the import job lacked any alerting.",
                "I spotted that the deploy pipeline was missing a rollback step.",
                "I noticed the nightly export was failing silently.",
                "The billing job had no validation on amounts, so I added bounds checks.",
                // ... and putting one in place.
                "I added alerts on the dead-letter queue after the second silent outage.",
                "I set up monitoring and a rollback plan for the payment service.",
            ],
            &[
                "We had no budget for new laptops that year.",
                "I noticed the team lacked headcount for the audit.",
                "We had no tests on that service when I joined.",
                "I wrote the migration script without tests because it ran once.",
                "The spike had no tests, which was fine for a prototype.",
                "I never noticed that the export had no alerts.",
            ],
        ),
        (
            InventAndSimplify,
            &[
                "I noticed the vendor onboarding was overly complex, with nine forms to fill in.",
                "I realised the release process was manual and error-prone.",
                "I saw that the settings page had become cumbersome for first-time users.",
                "I noticed that filing an expense took too many steps.",
            ],
            &[
                "Scheduling nurses across three hospitals was a complex problem.",
                "The pricing model was genuinely complex.",
                "Reviewers praised how complex and thorough the model was.",
                "The old reporting code was overly complex.",
                // A problem of the writer's own making.
                "I built an overly complex parser for the import files.",
                "I designed an error-prone importer for the partner feeds.",
            ],
        ),
        (
            Ownership,
            &[
                "I noticed that nobody had flagged the expiring TLS certificates.",
                "While reviewing dashboards, I spotted that no one owned the stale cache cluster.",
                "I noticed a broken export in the reporting service, which was not my team's responsibility.",
                "I realised the flaky integration test wasn't on my team's backlog and nobody had filed a bug.",
            ],
            &[
                "She noticed that nobody had flagged the failing job.",
                "The platform lead said nobody had asked his team to fix it.",
                "Priya saw that no one owned the on-call handbook.",
                "I didn't notice that nobody had flagged the failing job.",
            ],
        ),
    ];
    read_both_ways(families);
    // Noticing counts for less than acting on it, and fully once the writer acts on it too.
    let noticed = score(
        "I noticed that the refund service had no alerts.",
        InsistOnTheHighestStandards,
    );
    let acted = score(
        "I noticed that the refund service had no alerts, so I added them.",
        InsistOnTheHighestStandards,
    );
    assert!(0.0 < noticed && noticed < acted, "{noticed} {acted}");
}

#[test]
fn tempting_sentences_that_are_no_act_of_the_writer_stay_silent() {
    let silent = |text: &str, p: Principle| assert!(!shown(text).contains(&p), "{text:?}");
    let reads = |text: &str, p: Principle| assert!(shown(text).contains(&p), "{text:?}");
    // A question asks; a question quoted in a report is still the report.
    silent("Do I dig into the data enough?", DiveDeep);
    silent(
        "Should we have delayed the launch until the fixes were in?",
        InsistOnTheHighestStandards,
    );
    reads(
        "I dug into the data until the numbers made sense.",
        DiveDeep,
    );
    reads(
        "I asked each driver, \"what slows you down?\"",
        CustomerObsession,
    );
    // "I'd" + a verb that is not a past form is "I would"; before a participle it is "I had".
    silent(
        "Next time I'd interview more farmers before designing the alerts.",
        CustomerObsession,
    );
    reads(
        "By the launch I'd interviewed forty farmers about the alerts.",
        CustomerObsession,
    );
    // A condition told by inverting its subject.
    silent(
        "Had I pushed back sooner, we would have saved a month.",
        HaveBackbone,
    );
    reads(
        "I pushed back on the date, and we saved a month.",
        HaveBackbone,
    );
    // A habit or a disposition claimed in the present, not an act of the story; "how often" is no habit.
    silent("I always dig into the data before a decision.", DiveDeep);
    silent("I tend to dig into the data before deciding.", DiveDeep);
    silent("I'm known for pushing back on bad ideas.", HaveBackbone);
    reads(
        "I always dug into the raw logs before signing off a fix.",
        DiveDeep,
    );
    reads(
        "I went back to the recordings and tallied how often each pain point came up.",
        CustomerObsession,
    );
    // Work named as someone else's, by its subject in "-'s"; not what the writer read, nor a time.
    silent(
        "The analyst's deep dive found the duplicate charges.",
        DiveDeep,
    );
    reads(
        "Spent a week reading the payment gateway's error codes.",
        DiveDeep,
    );
    reads("I ran last week's deep dive on the refunds.", DiveDeep);
    reads("My team's deep dive found the duplicate charges.", DiveDeep);
    // "how our designer…": an embedded clause with someone else as its subject.
    silent(
        "I was impressed by how our designer interviewed the nurses.",
        CustomerObsession,
    );
    reads(
        "I watched how the nurses charted doses on a night shift.",
        CustomerObsession,
    );
    // A task given to the writer is an instruction; a role in the writer's group is someone else.
    silent(
        "I was given the task of simplifying the returns flow.",
        InventAndSimplify,
    );
    silent(
        "I was hired to simplify the returns flow.",
        InventAndSimplify,
    );
    reads(
        "I simplified the returns flow from nine steps to three.",
        InventAndSimplify,
    );
    silent(
        "Our team lead dug into the memory leak for a week.",
        DiveDeep,
    );
    reads("Our team dug into the memory leak for a week.", DiveDeep);
    // An intention that stopped short, an act avoided, an act denied at the sentence's end.
    silent(
        "I meant to dig into the churn data but never found the time.",
        DiveDeep,
    );
    silent(
        "I was about to simplify the flow when the project was cancelled.",
        InventAndSimplify,
    );
    silent("I avoided digging into the legacy code.", DiveDeep);
    silent(
        "Nobody asked me to dig into the logs, and I didn't.",
        Ownership,
    );
    reads("Nobody asked me to, but I dug into the logs.", DiveDeep);
    reads(
        "I talked about the outage with the support lead, then dug into the logs.",
        DiveDeep,
    );
    reads(
        "I made sure the app didn't collect anything about children that we didn't need.",
        SuccessAndScaleBringBroadResponsibility,
    );
    // The writer after a preposition is no subject; past a comma "me" may still stand for the acts' subject.
    silent("The lesson for me was about earning trust.", EarnTrust);
    silent("The VP came to me to push back on the plan.", HaveBackbone);
    reads("It took me a week to dig into the logs.", DiveDeep);
    reads(
        "I kept the stakeholders who disagreed with me in every review, shared the raw numbers with them, and told them plainly when my estimates slipped.",
        EarnTrust,
    );
    // A clause whose subject is someone in a role is theirs, in any clause of the sentence.
    silent(
        "I didn't push back when the VP cut the research budget.",
        LearnAndBeCurious,
    );
    silent(
        "I was on leave when our SRE lead dug into the logs.",
        DiveDeep,
    );
    // So is a group's that is not the writer's ("our team" is "we").
    silent(
        "I proposed caching prices for ten minutes, but the pricing team objected.",
        HaveBackbone,
    );
    silent(
        "I shipped the first draft on Friday, after the data team dug into the logs.",
        DiveDeep,
    );
    reads(
        "I dug into the logs after the data team flagged the gap.",
        DiveDeep,
    );
    reads(
        "When the VP cut the budget, I dug into the logs myself.",
        DiveDeep,
    );
    reads(
        "I dug into the logs after the VP asked about the outage.",
        DiveDeep,
    );
    // An opening phrase with a verb ("had") is a clause of its own, not a phrase lent to the "I" after it.
    silent(
        "The team had high standards for test coverage long before I arrived.",
        InsistOnTheHighestStandards,
    );
    reads(
        "Within a week of the outage, I added test coverage for every payment path.",
        InsistOnTheHighestStandards,
    );
}

#[test]
fn the_writer_is_found_where_the_sentence_puts_them() {
    // A cue that opens with "I" names its own subject ("i learned" is not someone else's because nothing
    // comes before it).
    assert!(
        shown("After the review I learned that the cache was the problem.")
            .contains(&LearnAndBeCurious)
    );
    let mine = score("I was wrong.", AreRightALot);
    assert!(mine >= 1.5 && score("The data showed I was wrong.", AreRightALot) >= mine);
    // An opening phrase without a verb belongs to the subject after it; one with a verb does not.
    assert!(shown("Out of curiosity I read the scheduler source.").contains(&LearnAndBeCurious));
    assert!(
        !shown("In March my manager pushed back on the date, and I agreed.")
            .contains(&HaveBackbone)
    );
    // A cue opening the sentence after a determiner is no resume fragment.
    assert_eq!(
        shown("The vision team maintained the camera pipeline."),
        vec![]
    );
    // "had" + object + participle is something the writer got done, not a situation.
    assert!(
        shown("I had the loan model audited for bias against protected groups.")
            .contains(&SuccessAndScaleBringBroadResponsibility)
    );
    assert_eq!(
        shown("I had a strained relationship with the ops team."),
        vec![]
    );
    // "Our team" is "we"; "my manager" is someone else. "It was me who…" is the writer.
    assert_eq!(
        score("Our team pushed back on the date.", HaveBackbone),
        score("We pushed back on the date.", HaveBackbone)
    );
    assert!(!shown("My manager pushed back on the date.").contains(&HaveBackbone));
    assert!(shown("It was me who pushed back on the launch.").contains(&HaveBackbone));
    assert!(!shown("It was the auditor who pushed back on the launch.").contains(&HaveBackbone));
    // A topic after "whether" is what the writer examined; an act after it stays a question.
    assert!(shown(
        "I had the loan model audited for whether it approved women and men at the same rate."
    )
    .contains(&SuccessAndScaleBringBroadResponsibility));
    assert!(!shown("I asked whether we should push back on the date.").contains(&HaveBackbone));
    // A four-word subject naming the writer's new work ("The new matching flow") still reports its result.
    assert!(
        shown("The new matching flow raised completed rides per driver by 12%.")
            .contains(&DeliverResults)
    );
    assert!(
        shown("Our new dispatch logic cut average response time by 90 seconds.")
            .contains(&DeliverResults)
    );
}

#[test]
fn first_person_agency_counts_more() {
    let i = score(
        "I convinced the director to delay the launch.",
        HaveBackbone,
    );
    let passive = score(
        "The director was convinced to delay the launch.",
        HaveBackbone,
    );
    assert!(i > 0.0 && passive == 0.0, "{i} {passive}");
    let we = score("We pushed back on the date.", HaveBackbone);
    let me = score("I pushed back on the date.", HaveBackbone);
    let manager = score("My manager pushed back on the date.", HaveBackbone);
    assert!(me > we && we > manager, "{me} {we} {manager}");
    assert_eq!(
        read("I pushed back on the date.")[0].strength,
        Strength::Strong
    );
    assert_eq!(
        read("We pushed back on the date.")[0].strength,
        Strength::Some
    );
}

#[test]
fn evidence_quotes_the_words_and_says_why() {
    let text = "I dug into the logs and pushed back on the launch date.";
    let readings = read(text);
    let names: Vec<_> = readings.iter().map(|r| r.principle).collect();
    assert!(
        names.contains(&DiveDeep) && names.contains(&HaveBackbone),
        "{names:?}"
    );
    for r in &readings {
        assert!(!r.evidence.is_empty());
        for e in &r.evidence {
            assert!(!e.reason.is_empty());
            assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
        }
    }
    let backbone = readings
        .iter()
        .find(|r| r.principle == HaveBackbone)
        .map(|r| &r.evidence[0]);
    assert_eq!(
        backbone.map(|e| &text[e.range.clone()]),
        Some("pushed back")
    );
    // Strongest first.
    assert!(readings.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_named_principle_is_not_evidence_of_itself() {
    let text = "I demonstrated Customer Obsession.";
    assert_eq!(shown(text), vec![]);
    assert_eq!(
        named(text),
        vec![(CustomerObsession, "Customer Obsession".to_string())]
    );
    // ... but the actions around a name still count.
    assert!(
        shown("I demonstrated Customer Obsession by calling ten customers.")
            .contains(&CustomerObsession)
    );
    assert_eq!(shown("That was my Bias for Action moment."), vec![]);
}

#[test]
fn names_are_found_only_when_written_as_names() {
    let cases: &[(&str, &[(Principle, &str)])] = &[
        (
            "We showed real ownership here.",
            &[(Ownership, "ownership")],
        ),
        ("I took ownership of the migration.", &[]),
        (
            "The Ownership principle says act for the long term.",
            &[(Ownership, "Ownership")],
        ),
        (
            "Frugality mattered: we had no budget.",
            &[(Frugality, "Frugality")],
        ),
        ("We were frugal with the test fleet.", &[]),
        (
            "Following Dive Deep, I read every log line.",
            &[(DiveDeep, "Dive Deep")],
        ),
        ("I did a deep dive into the logs.", &[]),
        ("I think big changes need design docs.", &[]),
        (
            "Think Big was the theme of the offsite.",
            &[(ThinkBig, "Think Big")],
        ),
        (
            "I wanted to \"earn trust\" with the ops team.",
            &[(EarnTrust, "earn trust")],
        ),
        ("I earned their trust over six months.", &[]),
        (
            "This is Have Backbone; Disagree and Commit in action.",
            &[(HaveBackbone, "Have Backbone; Disagree and Commit")],
        ),
        (
            "I chose to disagree and commit.",
            &[(HaveBackbone, "disagree and commit")],
        ),
        ("The backbone network was upgraded.", &[]),
        (
            "It proved we are Earth’s Best Employer.",
            &[(StriveToBeEarthsBestEmployer, "Earth’s Best Employer")],
        ),
        (
            "We hit every result we promised and delivered results on time.",
            &[],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(Principle, String)> =
            want.iter().map(|(p, s)| (*p, s.to_string())).collect();
        assert_eq!(named(text), want, "{text:?}");
    }
}

#[test]
fn names_round_trip_and_data_is_complete() {
    for p in Principle::ALL {
        assert_eq!(Principle::from_name(p.name()), Some(p));
        assert!(p.explanation().len() > 40, "{}", p.name());
        assert!(p.follow_up().ends_with('?'), "{}", p.name());
        assert!(!p.explanation().contains(p.name()) || p.name().split(' ').count() == 1);
    }
    assert_eq!(Principle::from_name("are right a lot"), Some(AreRightALot));
    assert_eq!(
        Principle::from_name("Disagree and Commit"),
        Some(HaveBackbone)
    );
    assert_eq!(
        Principle::from_name("Earths Best Employer"),
        Some(StriveToBeEarthsBestEmployer)
    );
    assert_eq!(
        Principle::from_name("Customer  obsession "),
        Some(CustomerObsession)
    );
    assert_eq!(Principle::from_name("Synergy"), None);
    assert_eq!(Principle::from_name(""), None);
    assert!(data()
        .cues
        .iter()
        .all(|c| c.weight > 0.0 && !c.reason.is_empty()));
}

#[test]
fn odd_input_never_panics() {
    let long = "I pushed back. ".repeat(5000);
    for text in [
        "",
        " ",
        "🚀🚀🚀",
        "日本語のテキストです。",
        "I",
        "...",
        "# # #",
        "I 🚀 pushed 🚀 back",
        long.as_str(),
    ] {
        for r in read(text) {
            for e in r.evidence {
                assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
            }
        }
        let _ = named(text);
    }
}

proptest::proptest! {
    #[test]
    fn ranges_lie_on_char_boundaries(text in "\\PC{0,120}") {
        let words = Words::new(&text);
        for r in read_principles(&text, &words) {
            for e in r.evidence {
                proptest::prop_assert!(e.range.start <= e.range.end && e.range.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
            }
        }
        for (_, r) in named_principles(&text, &words) {
            proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn cue_words_in_random_order_never_panic(picks in proptest::collection::vec(0usize..24, 0..30)) {
        const VOCAB: [&str; 24] = ["I", "we", "didn't", "pushed", "back", "on", "the", "customers", ",", "if",
            "would", "have", "Ownership", "dug", "into", "logs", "42", "%", "by", "not", "just", "noticed",
            "\"", "Think"];
        let text: Vec<&str> = picks.iter().map(|&i| VOCAB[i]).collect();
        let text = text.join(" ");
        let _ = read(&text);
        let _ = named(&text);
    }

    /// The words the grammar looks around (a "who" clause and its infinitive, "by" and its agent, a
    /// causative "had", hyphens, goals, instructions) at sentence edges and next to each other.
    #[test]
    fn grammar_words_in_random_order_never_panic(picks in proptest::collection::vec(0usize..46, 0..24)) {
        const VOCAB: [&str; 46] = ["I", "we", "who", "to", "asked", "was", "had", "live", "no", "-", "shows",
            "made", "sure", "not", "built", "by", "me", "a", "set", "up", "brought", "down", "0.5%", "my",
            "team", "want", "told", "the", "hand", ",", "fell", "Took", "I'd", "?", "Had", "always", "vendor's",
            "how", "lead", "meant", "for", "didn't", "did", "plan", "checked", "that"];
        let text: Vec<&str> = picks.iter().map(|&i| VOCAB[i]).collect();
        for joiner in [" ", ""] {
            let text = text.join(joiner);
            let _ = read(&text);
            let _ = named(&text);
        }
    }
}

/// The dev12 families: everyday wordings of the principles the held-out sets read worst. Each family in
/// several wordings of our own, beside hard negatives that share its words: someone else's act, a negation or
/// a regret, the same words with no act of the writer's.
#[test]
fn everyday_wordings_of_the_weakest_principles() {
    let families: &[(Principle, &[&str], &[&str])] = &[
        (
            // What customers wrote in, read through at length; their top complaint acted on; the customers who
            // still depend on an old way kept served.
            CustomerObsession,
            &[
                "I combed through 300 survey responses from restaurant owners and sorted them by theme.",
                "I sifted through a month of chat logs to see why renters abandoned the application.",
                "I tallied the cancellation reasons from the last quarter before proposing the new plan.",
                "I reordered the sprint because the sellers' top complaint was slow payouts.",
                "I rolled the change back after several pharmacists wrote in about missing prescriptions.",
                "I kept the old web portal running for the landlords who still relied on it.",
                "I spent Fridays answering tickets from restaurants about the menu editor.",
            ],
            &[
                "The support team read through the survey responses every week.",
                "Their biggest complaint was the monthly price.",
                "I never read the survey responses myself.",
                "Several restaurants wrote in to complain about the new menu editor.",
                "I read through the design docs from the previous team.",
                "I kept the old build server alive for another month.",
                "I went through the feature requests in the backlog and closed the duplicates.",
                "I should have read the support tickets before planning the sprint.",
                "I spent the morning mostly asking questions about the schema.",
            ],
        ),
        (
            // Bad news or the writer's own fault told to those it affects; candour; credit given; listening;
            // a promise kept, said so.
            EarnTrust,
            &[
                "I warned the steering group in our first meeting that the cutover would slip by a month.",
                "I emailed the three partner teams that my config change had broken their builds overnight.",
                "I wrote to the client that I had misread their brief and proposed a new schedule.",
                "I was frank with the board about how much of the forecast was guesswork.",
                "In the all-hands I gave a shout-out to the two interns who found the leak.",
                "I made sure the data engineers got the credit when the dashboard went to the execs.",
                "In my first weeks I mostly listened to the warehouse leads before proposing anything.",
                "I shipped the export fix to the finance team on the Friday, as I had promised.",
                "I shared the test results, flaws and all, with the product team.",
            ],
            &[
                "My manager warned me that the cutover would slip.",
                "I was told that my change had broken their builds.",
                "The vendor admitted to us that they had missed the deadline.",
                "I never told the board that the cutover would slip.",
                "I missed the first deadline and misread the brief.",
                "I should have been upfront with the client about the risks.",
                "The director gave a shout-out to our team at the all-hands.",
                "I told the team that I had finished the migration.",
                "I was clear with the team about the goals for the quarter.",
                // A credit on a bill is no credit given.
                "I issued a credit to the 40 accounts the outage had overcharged.",
                "The office had an open floor plan with a clear view of the harbour.",
            ],
        ),
        (
            // A part taken out of a process, an old way retired, many things folded into one, a thing pared
            // down, an idea borrowed from elsewhere, the simple thing built.
            InventAndSimplify,
            &[
                "I combined the four separate sign-up forms the regions used into a single shared one.",
                "I did away with the second approval step for expense claims under $500.",
                "I ripped out our homegrown job scheduler and moved the jobs onto the cloud provider's queue.",
                "I pared the onboarding survey down to three questions.",
                "I borrowed the triage approach our hospital partners use and applied it to incident handling.",
                "I replaced the weekly email chain between finance and sales with a shared tracker.",
                "I wrote a simple lookup page so account managers could answer pricing questions themselves.",
                "I swapped the hourly cron jobs for a small event listener.",
            ],
            &[
                "The platform team removed the manual approval step last year.",
                "I never got rid of the second approval step.",
                "Our process had a manual approval step for every refund.",
                "I borrowed a laptop from IT for the demo.",
                "I was cut from the project in the second stage.",
                "We should have replaced the homegrown scheduler years ago.",
                "The team relied on nightly batch jobs and a homegrown scheduler.",
                "I dropped the form off at the front desk.",
            ],
        ),
        (
            // The date that was set met, the rollout reaching every place, every commitment delivered, the
            // work unblocked or done in a fraction of the time, a setback not settled for.
            DeliverResults,
            &[
                "When the payment provider changed its API a week out, I rewrote the adapter and we still made the go-live.",
                "I hit the cutover date for the ledger migration with every account reconciled.",
                "I rolled the new tills out to all 140 branches before the spring sale.",
                "I delivered every report we had committed to the regulator.",
                "I unblocked the partner launch by building the missing webhook myself.",
                "I finished the data export in half the time we had budgeted.",
                "When the first pilot flopped I didn't settle for a postponement; I reworked the plan and relaunched in May.",
            ],
            &[
                "The vendor missed the go-live date twice.",
                "We did not hit the launch date.",
                "The company had stores in all 50 states.",
                "My manager unblocked the team by approving the budget.",
                "I wrapped up my notes and sent them to the team.",
                "I set the launch date for the first week of June.",
                "I hope to hit the release date this time.",
                // "Half the time" as "often".
                "Half the time we were firefighting outages instead of building the roadmap.",
            ],
        ),
    ];
    read_both_ways(families);
}

/// "My first step was to interview…": the writer's act told through a noun of acting; a plan, a job or
/// someone else's step is not.
#[test]
fn an_act_told_through_a_noun_of_acting_is_the_writers() {
    read_both_ways(&[
        (
            CustomerObsession,
            &[
                "My first step was to interview eight warehouse pickers about the scanner.",
                "Our first step was to personally call every merchant who had churned.",
            ],
            &[
                "My plan was to interview eight warehouse pickers about the scanner.",
                "My job was to interview eight pickers a week.",
                "His first step was to interview the pickers about the scanner.",
                "My first step was a mistake: I interviewed nobody.",
            ],
        ),
        (
            DiveDeep,
            &["My next move was to dig into six months of refund logs."],
            &[],
        ),
    ]);
}

/// "Unused held slots stayed under 2%": "un-" and a participle opening a sentence is an adjective, not a
/// draft's verb speaking for the writer; a verb that undoes something still is one.
#[test]
fn an_adjective_in_un_is_no_fragments_verb() {
    for text in [
        "Unused held slots stayed under 2% of all slots.",
        "Unresolved tickets piled up in the queue every weekend.",
    ] {
        assert_eq!(shown(text), vec![], "{text:?}");
    }
    for (text, p) in [
        (
            "Unblocked the partner launch by writing the missing webhook myself.",
            DeliverResults,
        ),
        (
            "Uncovered a leak in the retry loop by reading the raw traces.",
            DiveDeep,
        ),
        (
            "Underestimated the load at first, then dug into the traces to find why.",
            DiveDeep,
        ),
    ] {
        assert!(shown(text).contains(&p), "{text:?}: {:?}", shown(text));
    }
}

/// Listening to the calls customers made is going to the customer; listening to a colleague is trust.
#[test]
fn listening_to_customers_calls_is_going_to_the_customer() {
    read_both_ways(&[(
        CustomerObsession,
        &[
            "I sat with front-desk staff at three clinics for a week and listened to 60 calls.",
            "I listened to 40 call recordings from the week of the outage.",
        ],
        &[
            "I listened to my manager's concerns about the timeline.",
            "The support lead listened to 60 calls a week.",
        ],
    )]);
}

/// The dev13 families for Strive to be Earth's Best Employer: hours kept humane (logging off, replies that can
/// wait, pushing back on a crunch), work the team dreaded taken away, people eased back from leave and looked
/// after in body, and a process made fair (one rubric, the quieter voices). Each beside sentences with the same
/// words that a coach would not credit: someone else's act, a negation, a plan, a situation with no act.
#[test]
fn dev13_families_read_both_ways() {
    let shows = [
        "I moved the release review earlier so people could actually log off by six.",
        "I asked the team which chore they dreaded most and scripted it away.",
        "When Omar returned from leave, I kept him off the pager for his first month.",
        "I introduced a shared rubric for promotion cases so nobody was judged on who shouted loudest.",
        "I pushed back on the weekend crunch and moved the cutover to Tuesday.",
        "I told the team that replies could wait until morning.",
    ];
    let silent = [
        "The team hated the old build tool.",
        "My manager returned from leave in March.",
        "I didn't push back on the weekend crunch.",
        "We should use a shared rubric for promotions.",
        "She said replies could wait until morning.",
        // Customers and prices, not the team.
        "I added a delivery slot for working parents who order after 9 pm.",
        "I priced the starter plan below the market to win small clinics.",
        "I applied the same criteria to all three vendors.",
    ];
    read_both_ways(&[(StriveToBeEarthsBestEmployer, &shows, &silent)]);
}

/// Wordings found silent on real drafts written elsewhere (session 15): results told as a measure that moved,
/// lessons something taught the writer, working with the people concerned, and moving now with the risk kept
/// small. Each beside the sentences that must stay silent.
#[test]
fn real_draft_wordings_read_both_ways() {
    let results = [
        "Median page load time fell from 4.1 seconds to 1.3 seconds.",
        "Refund escalations dropped by 35% in the first quarter.",
        "Onboarding completion rate rose from 48% to 71%.",
        "Crash rate decreased to 0.2% after the second release.",
        "Invoice processing time was cut from 9 days to 2 days.",
        // A unit written against its number, as engineers write it.
        "Reduced image storage from 800GB to 120GB.",
        "Cut the nightly export from 90min to 12min.",
    ];
    let not_results = [
        // The bad direction is the problem a story opens with.
        "Monthly churn rose from 3% to 5% over the summer.",
        "Page load time grew to 6 seconds on older phones.",
        "Signups fell by 20% after the redesign.",
        "Our image storage grew from 120GB to 800GB in a year.",
        // A target, not a result.
        "We needed to cut latency by 30% before launch.",
        "Latency was our biggest problem.",
    ];
    let lessons = [
        "It taught me that a small pilot beats a long debate.",
        "That outage taught me to write the rollback plan first.",
    ];
    let not_lessons = ["I taught the new hires how to use the query tool."];
    let together = [
        "I partnered with the finance team to rebuild the quarterly forecast.",
        "I worked closely with the warehouse leads on the new picking routes.",
        "I sat down with the ops leads to understand their concerns about the cutover.",
    ];
    let not_together = [
        "The legal team partnered with an outside firm.",
        "I never partnered with the data team on it.",
    ];
    let now = [
        "I shipped the new ranking to 5% of traffic first so we could learn within the week.",
        "We launched a controlled beta with two stores while limiting exposure.",
        "In an hour, I had a workaround running for the stuck orders.",
    ];
    let not_now = [
        "About 5% of traffic comes from tablets.",
        "The spike in tickets came on Monday.",
    ];
    let digging = [
        "I found the bottleneck by profiling the export service.",
        "I dug deep to find why the nightly sync dropped rows.",
        "I spent two days debugging the memory spike.",
    ];
    let not_digging = [
        "The profiling tool was slow.",
        "Debugging tools were not installed on the kiosks.",
    ];
    let quickly = ["I built the first version of the importer in under a week."];
    let not_quickly = ["The importer had been under review for a week."];
    let delivered = [
        "We shipped the new checkout in time for the holiday sale.",
        "I cut the build time in half by caching dependencies.",
    ];
    let not_delivered = ["The holiday sale starts in time zones across Europe first."];
    let grew_someone = [
        "I guided her on how to split the change into smaller pull requests.",
        "I showed him how to read the flame graphs.",
        "I designed a learning path for the two new analysts, from SQL to dashboards.",
    ];
    let not_grew_someone = ["She showed me how the old billing job worked."];
    let customers = [
        "I added the pattern to our personas and made it a design requirement.",
        "I went back to the interview notes to see what the nurses had said about night shifts.",
    ];
    let not_customers = ["The personas document was two years old."];
    let backbone = [
        "I argued with the project manager about cutting the offline mode.",
        "I approached the staff engineer privately with my concerns about the token design.",
    ];
    let not_backbone = [
        "Two engineers argued with each other about tabs.",
        "My manager shared my concerns with her director.",
    ];
    // A design pattern's name is no strategy.
    let big = ["I wrote the strategy for the scheduler's second year."];
    let not_big = ["I used the Strategy pattern to switch between payment providers."];
    let right = ["I changed my design based on what the data-entry staff told me."];
    let not_right = ["My manager changed the design based on the vendor's advice."];
    read_both_ways(&[
        (DeliverResults, &results, &not_results),
        (LearnAndBeCurious, &lessons, &not_lessons),
        (EarnTrust, &together, &not_together),
        (BiasForAction, &now, &not_now),
        (DiveDeep, &digging, &not_digging),
        (BiasForAction, &quickly, &not_quickly),
        (DeliverResults, &delivered, &not_delivered),
        (HireAndDevelopTheBest, &grew_someone, &not_grew_someone),
        (CustomerObsession, &customers, &not_customers),
        (HaveBackbone, &backbone, &not_backbone),
        (AreRightALot, &right, &not_right),
        (ThinkBig, &big, &not_big),
    ]);
}

/// Engineering work told in the engineer's own terms (session 17): instrumenting, simulating failures, building
/// a shared tool, fixing the cause rather than the symptom, passing knowledge on, a result claimed without its
/// number. Our own sentences, each family with the near misses it must leave alone.
#[test]
fn engineering_actions_read_both_ways() {
    let digging = [
        "Instrumented the upload service to tag every failed request with its cause.",
        "I simulated disk failures in staging to see how the replicas recovered.",
        "Reran each failing test in isolation to separate real bugs from flaky ones.",
        "I narrowed the memory growth down to one cache that never evicted.",
        "Tuned the slowest queries and indexes on the orders database.",
    ];
    let not_digging = [
        "The service was already instrumented by the platform team.",
        "Isolation between tenants was a hard requirement.",
        "The radio was tuned to the local station.",
        "I went back to the office after lunch.",
    ];
    let simpler = [
        "Introduced a shared retry utility that every service now calls.",
        "I wrote a small lint rule that fails the build when an image has no alt text.",
        "Developed a generator tool for the deployment manifests.",
        "Containerized the test dependencies so every run starts clean.",
        "We kept it simple: one table and a nightly job.",
        "Used the standard library's scheduler instead of adding another dependency.",
    ];
    let not_simpler = [
        "The team used an old build tool.",
        "Our framework was ten years old.",
        "The library closes at six.",
    ];
    let standards = [
        "I didn't just fix the symptom; I rewrote the parser so malformed rows are rejected at the door.",
        "I reviewed every change in her pull request thoroughly before approving it.",
        "I defined the abandonment metric precisely in the spec, down to how long a patient may wait.",
        "Wrote 60 test cases for the currency conversion before the release.",
    ];
    let not_standards = [
        "The symptom was a slow checkout page.",
        "I only fixed the symptom, and the bug came back a week later.",
    ];
    let grew = [
        "I provided guidance to the two interns every week on their first feature.",
        "Built a knowledge base for the new hires on how the billing system works.",
    ];
    let not_grew = [
        "My manager gave me guidance on the promotion process.",
        "The knowledge base was out of date.",
    ];
    let results = [
        "Reduced MTTR for our enterprise customers.",
        "I improved checkout conversion for returning customers.",
        "It's now used daily by the support and finance teams.",
        "I delivered the reporting module to the customer a week before their audit.",
        "Implemented the fix in days instead of weeks.",
        "Cut log storage from about 100GB to just 1GB.",
    ];
    let not_results = [
        "Latency was our main complaint.",
        "The old system had frequent downtime.",
        "The customer asked us to improve conversion.",
        "We planned to reduce latency next quarter.",
        // A bar raised is a standard set, not a result.
        "I raised the accuracy bar for the fraud model.",
    ];
    read_both_ways(&[
        (DiveDeep, &digging, &not_digging),
        (InventAndSimplify, &simpler, &not_simpler),
        (InsistOnTheHighestStandards, &standards, &not_standards),
        (HireAndDevelopTheBest, &grew, &not_grew),
        (DeliverResults, &results, &not_results),
    ]);
}

/// "error rate went from 12% to 1.5%": a measure the writer names, and numbers that say which way it went.
/// The other way is the problem a story opens with, and so are numbers the reading cannot compare.
#[test]
fn measures_moved_by_their_numbers_read_both_ways() {
    let results = [
        "The error rate went from 12% to 1.5% after the retry fix.",
        "P99 latency went from 1.2 s to 300 ms once the index was in.",
        "Build times went from 2 hours to 25 minutes.",
        "Checkout conversion went from 2.1% to 3.4% over the quarter.",
        "Flaky rate went from 9% to under 1% in a month.",
        "Test coverage went from 40% to 85% on the payments module.",
        "Deploy time went from 3 days to 40min.",
    ];
    let not_results = [
        "The error rate went from 1.5% to 12% in a week.",
        "P99 latency went from 300 ms to 1.2 s during the sale.",
        "Conversion went from 3.4% to 2.1% after the redesign.",
        "Build times went from two hours to forty minutes.",
        "The team grew from 4 to 9 engineers.",
    ];
    read_both_ways(&[(DeliverResults, &results, &not_results)]);
}

/// Engineering work told the way engineers tell it, each kind a cue of its own; and the same words in
/// sentences that show nothing, or something else.
#[test]
fn engineer_voice_read_both_ways() {
    let digging = [
        "I went through the failed payments row by row with someone from finance.",
        "I broke the cloud bill down by service and found two idle clusters.",
    ];
    let not_digging = [
        "The rows were sorted by date.",
        "The car broke down by the river.",
    ];
    let learning = [
        "I read the Kafka docs and three vendor postmortems before designing the consumer.",
        "I read the Postgres documentation on vacuum before touching the settings.",
    ];
    let not_learning = ["The docs were out of date."];
    let standards = [
        "I made the accessibility audit a hard gate in the release pipeline.",
        "I added a check so any migration that lacks a rollback script gets flagged automatically.",
        "I wrote the crash threshold into our release checklist.",
    ];
    let not_standards = ["The gate at the car park was broken."];
    let grew = [
        "I started pairing with her twice a week and let her drive.",
        "I gave him full ownership of the export feature.",
        "I host a monthly session for the support team on reading our dashboards.",
    ];
    let not_grew = ["My manager gave me ownership of the roadmap."];
    let backbone = [
        "When the VP escalated, I stood by the decision and explained the risk in numbers.",
        "I stuck to my estimate even though sales wanted a June date.",
        "I thought the vendor was the wrong bet and said so at the review.",
    ];
    let not_backbone = ["I stood by the window during the call."];
    let employer = [
        "After the outage week I made sure both on-call engineers took two days off.",
        "I moved the review to written comments so everyone can contribute, not only the fast talkers.",
    ];
    let not_employer = [
        "It was 3am when I got paged about the checkout errors.",
        "I took the feature flag off after the rollout.",
    ];
    let simpler = [
        "I prefilled the billing country from the account's address.",
        "We fixed the lock contention with one config change and no rewrite of the service.",
    ];
    let not_simpler = ["The form was prefilled by the browser."];
    let customer = [
        "I personally replied to the customer with the fix date.",
        "I sent a personal email to each store owner who had complained, explaining the fix.",
    ];
    let not_customer = ["The customer replied to our survey."];
    let right = [
        "I scored both options against our real requirements: throughput, replay and the team's experience.",
        "I wrote down the conditions under which we should revisit the choice.",
    ];
    let not_right = ["She scored two goals on Saturday."];
    let ownership = [
        "I took the twelve orphaned alerts onto my plate.",
        "I moved the unowned tickets onto our team's plate and cleared them in a sprint.",
    ];
    let not_ownership = ["The laptops were ours to keep."];
    let trust = ["I asked their lead for an hour to understand what they were worried about."];
    let not_trust = ["Nobody was worried about the release."];
    let responsibility = [
        "I wrote a log filter that redacts card numbers before anything leaves the host.",
        "I wrote a scrubber that hashes customer emails in every log line.",
    ];
    let not_responsibility = ["The redacted report was sent to legal by my manager."];
    let not_frugal = ["I didn't buy that explanation, so I pulled the raw logs."];
    read_both_ways(&[
        (DiveDeep, &digging, &not_digging),
        (LearnAndBeCurious, &learning, &not_learning),
        (InsistOnTheHighestStandards, &standards, &not_standards),
        (HireAndDevelopTheBest, &grew, &not_grew),
        (HaveBackbone, &backbone, &not_backbone),
        (StriveToBeEarthsBestEmployer, &employer, &not_employer),
        (InventAndSimplify, &simpler, &not_simpler),
        (CustomerObsession, &customer, &not_customer),
        (AreRightALot, &right, &not_right),
        (Ownership, &ownership, &not_ownership),
        (EarnTrust, &trust, &not_trust),
        (
            SuccessAndScaleBringBroadResponsibility,
            &responsibility,
            &not_responsibility,
        ),
        (Frugality, &[], &not_frugal),
    ]);
}

/// "I wrote a rollout plan and cut the downtime": a plan named as a thing, a word or two after its article, is no
/// plan to act; "the team will…" and "our plan was to…" still are. And a few more kinds of engineering work, read
/// both ways.
#[test]
fn a_plan_written_is_an_act_and_more_engineering_work_reads_both_ways() {
    let results = [
        "I wrote a rollout plan and cut the downtime to 5 minutes.",
        "After the rewrite the ingest service now handles 40k events a second.",
        "Cut release friction and improved the team's velocity.",
    ];
    let frugal = ["Created a capacity plan and reduced infrastructure costs by a third."];
    let not_results = [
        "The team will cut the downtime next quarter.",
        "Our plan was to cut the downtime to 5 minutes.",
        "The old service handles 2k events a second.",
    ];
    let trust = [
        "I made my manager aware of the slip before the review.",
        "I reported progress to the two sponsors every Friday.",
    ];
    let not_trust = ["Nobody made me aware of the change."];
    let standards = [
        "I standardized date parsing across every pipeline input.",
        "I rewrote the time-based tests with a fake clock.",
    ];
    let not_standards = ["The output was not deterministic, and nobody looked into it."];
    let simpler = [
        "I sharded the test suite so it runs on eight machines.",
        "I introduced a read-through cache in front of the pricing service.",
    ];
    let not_simpler = ["The cache was already in place when I joined."];
    let grew = ["I ran pairing sessions that improved her understanding of the billing code."];
    let not_grew = ["My manager improved my understanding of the budget."];
    read_both_ways(&[
        (DeliverResults, &results, &not_results),
        (Frugality, &frugal, &[]),
        (EarnTrust, &trust, &not_trust),
        (InsistOnTheHighestStandards, &standards, &not_standards),
        (InventAndSimplify, &simpler, &not_simpler),
        (HireAndDevelopTheBest, &grew, &not_grew),
    ]);
}

/// Words of scale that name people, and a stem that names two things: "every team lead" is no company-wide
/// reach, and a "convolution network" is no convoluted process.
#[test]
fn scale_and_complexity_words_read_both_ways() {
    let big = [
        "We rolled the template out to every team in the company.",
        "The retry library is now used by other teams too.",
        "I built the pipeline so all teams could ship without us.",
        "I wrote up the playbook and shared it with other teams so they could run it themselves.",
    ];
    let not_big = [
        "I changed the workflow to represent all team members fairly.",
        "I gave instructions to other teams as the incident commander.",
        "I coached every team lead on how to run a retro.",
        "I interviewed the other teams' managers about their release process.",
    ];
    let simpler = ["The refund flow was convoluted, so I cut it to two steps."];
    let not_simpler = [
        "I trained a graph convolution network on the fraud data.",
        // An opinion about a topic is no act on it.
        "I think the linter was a great invention for a small team.",
    ];
    read_both_ways(&[
        (ThinkBig, &big, &not_big),
        (InventAndSimplify, &simpler, &not_simpler),
    ]);
}

#[test]
fn titles_whereabouts_verdicts_and_rescues_are_no_acts() {
    let quick = ["I shipped an MVP to ten pilot customers in two weeks."];
    let not_quick = [
        // A title the writer was given is no act of theirs.
        "I was voted 'MVP of the quarter' by my peers.",
        "I was named MVP of the half after the launch.",
    ];
    let wellbeing = ["I made sure everyone on the team took their full vacation this year."];
    let not_wellbeing = [
        // Where the writer was: a situation, unless they act on it.
        "I was on vacation during the outage, so Marco wrote the postmortem.",
        "I was out on parental leave while the team migrated the billing jobs.",
    ];
    let dug = ["I found the memory leak with a heap dump."];
    let not_dug = [
        // Being proven right about something is no work on it.
        "I was right about the memory leak, as it turned out.",
    ];
    let frugal = [
        "Moving the batch jobs to spot instances gave us $40k in savings.",
        "I chose to delay the reporting feature to save money.",
    ];
    let not_frugal = [
        // "saved" the launch is a rescue, not a saving ("savings" and "saved" share a stem).
        "That quick rollback saved the launch.",
        "A teammate's late-night hotfix is what saved the demo.",
    ];
    let grew = ["Priya, whom I mentored for a year, went on to lead the payments team."];
    let not_grew = [
        // The writer's own career is not someone they grew.
        "The pitch became the data platform I went on to lead.",
    ];
    read_both_ways(&[
        (BiasForAction, &quick, &not_quick),
        (StriveToBeEarthsBestEmployer, &wellbeing, &not_wellbeing),
        (DiveDeep, &dug, &not_dug),
        (Frugality, &frugal, &not_frugal),
        (HireAndDevelopTheBest, &grew, &not_grew),
    ]);
}

#[test]
fn tasks_openers_witnesses_and_duties_are_no_acts() {
    let simpler = ["I rebuilt the billing service without a full rewrite."];
    let not_simpler = [
        // The task the story set, not yet what was done.
        "I had to rebuild the billing service without a full rewrite.",
    ];
    let quick = [
        "Within two days, I had a fix in production.",
        "Within a day, our team had a fix live.",
    ];
    let not_quick = [
        // An opening phrase belongs to the clause after its comma.
        "Within two days, support tickets hit 4,000.",
        "That afternoon, my manager pushed back on the date.",
    ];
    let results = ["After the cache change, checkout times went from 9 seconds to 2 seconds."];
    let not_results = [
        // "that" after a verb of perceiving opens what was seen, not the work as subject.
        "We noticed that checkout times had dropped from 9 seconds to 2 seconds the week before I joined.",
    ];
    let grew = ["Dana, whom I mentored for a year, now runs the data team."];
    let not_grew = ["We cut the import's error rate by 40%, and the job now runs in ten minutes."];
    let curious = ["I read the Kafka docs cover to cover before writing any code."];
    let not_curious = [
        // Research at work is often the diligence of a choice.
        "I researched three hosting providers and picked the cheapest.",
    ];
    let standards = ["I set review standards for every schema change."];
    let not_standards = [
        // A duty held, as assigned, is no act yet.
        "I was responsible for setting review standards for every schema change.",
    ];
    let wellbeing = ["I capped on-call at one week a month after seeing burnout on the team."];
    let not_wellbeing = [
        // Being aware of something is perceiving it.
        "I was aware of the burnout on the team.",
    ];
    read_both_ways(&[
        (InventAndSimplify, &simpler, &not_simpler),
        (BiasForAction, &quick, &not_quick),
        (DeliverResults, &results, &not_results),
        (HireAndDevelopTheBest, &grew, &not_grew),
        (LearnAndBeCurious, &curious, &not_curious),
        (InsistOnTheHighestStandards, &standards, &not_standards),
        (StriveToBeEarthsBestEmployer, &wellbeing, &not_wellbeing),
    ]);
}

#[test]
fn things_engineers_build_are_not_choices_of_how_to_build() {
    let quick = [
        "We shipped an MVP to ten pilot customers in two weeks.",
        "I mitigated the outage by failing over to the second region.",
    ];
    let not_quick = [
        // An MVP is also just the thing a team ships.
        "I handed the app over after finishing the MVP.",
        // An offer to mitigate is not yet an act.
        "I offered to mitigate the delay by splitting the feature.",
    ];
    let simpler = ["I automated the weekly billing export."];
    let not_simpler = [
        // Automated tests are a safeguard, not an invention.
        "I set up automated tests for the billing export.",
    ];
    read_both_ways(&[
        (BiasForAction, &quick, &not_quick),
        (InventAndSimplify, &simpler, &not_simpler),
    ]);
}

#[test]
fn results_told_through_the_work_read_both_ways() {
    let results = [
        "Refund errors dropped to zero within a day of the fix.",
        "The migration was successful, and hosting costs fell by a third.",
        "The rewrite was successful.",
        "We shipped the importer ahead of the new timeline.",
        "The rewrite was delivered on time.",
    ];
    let not_results = [
        // Someone else's work, or no work of the writer's at all.
        "The rewrite was delivered on time by the vendor.",
        "The vendor's migration was successful.",
        "The old pipeline was successful for years until the volume grew.",
        // A measure the writer only saw move.
        "I noticed that refund errors had dropped to zero before I joined.",
    ];
    // "multiple" is a number, as "several" is.
    let frugal = ["The script I wrote saved multiple hours per release."];
    let not_frugal = ["The script I wrote saved the release."];
    read_both_ways(&[
        (DeliverResults, &results, &not_results),
        (Frugality, &frugal, &not_frugal),
    ]);
}

#[test]
fn keeping_people_informed_in_everyday_words_reads_both_ways() {
    let trust = [
        "I explained the rationale for each pricing change.",
        "I sent the client daily progress updates.",
        "I managed their expectations about the delay.",
        "I gave the PM a revised estimate.",
        "I owned that I had skipped the load test.",
        "I built a stronger working relationship between the two teams.",
    ];
    let not_trust = [
        // The same words, but no one was told anything, or the writer did not do it.
        "The rationale for the ledger was never written down.",
        "Our dashboard shows daily progress for every warehouse.",
        "The vendor gave us a revised estimate after the audit.",
        "My manager owned that decision.",
    ];
    read_both_ways(&[(EarnTrust, &trust, &not_trust)]);
}

#[test]
fn a_bar_raised_and_a_problem_taken_on_in_everyday_words() {
    let standards = [
        "I ran the rollout more rigorous than the checklist asked.",
        "I verified each deleted table against the backup.",
        "I ran a stress test on the booking flow before launch.",
        "Canary deploys are now standard on the team.",
        "I included rollback steps in the migration plan.",
    ];
    let not_standards = [
        // Someone else's rigour, or a standard that was only talked about.
        "My lead verified each deleted table against the backup.",
        "Nobody ran a stress test on the booking flow.",
        "The vendor's contract included rollback steps.",
    ];
    let owned = [
        "Once the vendor left, I took full responsibility for billing.",
        "I led the war room during the cutover weekend.",
    ];
    let not_owned = ["The platform team took full responsibility for billing."];
    read_both_ways(&[
        (InsistOnTheHighestStandards, &standards, &not_standards),
        (Ownership, &owned, &not_owned),
    ]);
}
