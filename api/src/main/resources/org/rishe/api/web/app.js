// The Rishe dashboard: one page, six views chosen by the URL fragment (#/leadership,
// #/planner, #/donor, #/giving, #/volunteer, #/needs), each with its filters and language in the
// fragment's query (#/planner?problem=child_labour&region=R01&lang=fa), so that a link reproduces
// the view. Plain browser JavaScript with no build step; every element is built with
// textContent, never innerHTML, so nothing the API returns can run as markup.
(function () {
  'use strict';

  var STRINGS = {
    en: {
      title: 'Rishe dashboard', navLeadership: 'Leadership', navPlanner: 'Planner', navDonor: 'Donor',
      navVolunteer: 'My matches',
      jalali: 'Jalali calendar', forgetKey: 'Forget key', otherLanguage: 'فارسی',
      keyTitle: 'Enter your API key', keyHelp: 'The key is kept for this browser session only.',
      keyLabel: 'API key', keySubmit: 'Continue',
      kpis: 'Key figures', trends: 'Trends', metric: 'Measure', impact: 'Programme impact (95% CI)',
      hotspots: 'Emerging problems', region: 'Region', problem: 'Problem', period: 'Month',
      observed: 'Observed', expected: 'Expected', score: 'Score', allRegions: 'All regions',
      rootCauses: 'Root causes', rank: '#', factor: 'Factor', relativeRisk: 'Relative risk',
      adjustedOddsRatio: 'Adjusted odds ratio', attributableFraction: 'Attributable fraction',
      totalEffect: 'Total effect (risk ratio)',
      totalQ: 'q (total effect)', evidence: 'Evidence', exposedCases: 'Exposed cases',
      causalGraph: 'Causal graph',
      graphHelp: 'Drag the nodes; click a problem for its root causes. Arrows are directed edges, thicker lines are more stable.',
      chains: 'Chains from root cause to problem', donationId: 'Donation id',
      direct: 'direct', indirect: 'indirect', total: 'total', intervalTo: 'to', possible: 'possible',
      possibleHelp: "some links' direction could not be decided from the data; read forward",
      undirectedLink: 'direction not decided from the data',
      chainsHelp: 'Effects as risk differences (0.10: 10 percentage points more of the problem) by the mediational g-formula, with 95% intervals clustered by family; n is the number of people. Indirect is the part through the chain\'s middle links. Paths and ranks are chosen from the same data, so the intervals do not allow for that choice. A possible chain has links whose direction the data could not decide (drawn —); it reads them forward.',
      chainsHelpLogOdds: 'Effects on the log-odds scale (a run from before risk differences) with 95% intervals; n is the number of people. A possible chain has links whose direction the data could not decide (drawn —); it reads them forward.',
      familiesCount: 'families',
      showJourney: 'Show journey', designation: 'Designation', current: 'Current stage',
      receivedOn: 'Received on', deliveredOn: 'Delivered on', daysToDelivery: 'Days to delivery',
      flags: 'Flags', days: 'days', estimate: 'Estimate', naiveDifference: 'Naive difference',
      method: 'Method', sampleSize: 'n', enrolled: 'enrolled', comparison: 'comparison',
      notEstimated: 'Without an estimate',
      notAvailable: 'Not available on this server yet', forbidden: 'This key may not see this',
      badKey: 'The key was not accepted; enter it again', network: 'The server could not be reached',
      failed: 'The request failed', noData: 'Nothing to show', chooseProblem: 'Choose a problem',
      peopleReached: 'People reached', familiesReached: 'Families reached',
      casesOpened: 'Cases opened', casesClosed: 'Cases closed', casesResolved: 'Cases resolved',
      medianDaysToResolution: 'Median days to resolution', programParticipants: 'Programme participants',
      programCompletions: 'Programme completions', completionRate: 'Completion rate',
      donationsReceived: 'Donations received', donationsDelivered: 'Donations delivered',
      shareDelivered: 'Share delivered', medianDaysToDelivery: 'Median days to delivery',
      costPerParticipant: 'Cost per participant',
      stability: 'Stability',
      'stage.pledged': 'Pledged', 'stage.received': 'Received', 'stage.allocated': 'Allocated',
      'stage.purchased': 'Purchased', 'stage.dispatched': 'Dispatched', 'stage.delivered': 'Delivered',
      'stage.confirmed': 'Confirmed',
      'flag.stalled': 'Stalled', 'flag.out_of_order': 'Stages out of order', 'flag.never_delivered': 'Never delivered',
      'flag.partly_delivered': 'Partly delivered', 'flag.over_delivered': 'More delivered than given',
      'evidence.strong': 'strong', 'evidence.moderate': 'moderate', 'evidence.weak': 'weak',
      'evidence.insufficient_data': 'insufficient data',
      'kind.demographic': 'Demographic', 'kind.factor': 'Factor', 'kind.problem': 'Problem',
      'method.doubly_robust': 'doubly robust', 'method.inverse_probability_weighting': 'inverse probability weighting',
      'method.nearest_neighbour_matching': 'nearest-neighbour matching',
      'method.propensity_stratification': 'propensity stratification', 'method.entropy_balancing': 'entropy balancing',
      'method.naive_difference': 'naive difference',
      'designation.general': 'General fund', 'designation.program': 'Programme', 'designation.family': 'Family',
      'designation.person': 'Person', 'designation.need': 'Need',
      navNeeds: 'Needs', needsTitle: 'Needs you can help with',
      needsHelp: "Open needs of families and children, without names: a child's age band and sex are shown only where enough children share them.",
      needKind: 'Kind of need', allKinds: 'All kinds', needRef: 'Reference', amount: 'Amount',
      ageBand: 'Age', sex: 'Sex', daysOpen: 'Days open', status: 'Status', noNeeds: 'No open needs match',
      'needKind.school_fees': 'School fees', 'needKind.school_supplies': 'School supplies', 'needKind.food': 'Food',
      'needKind.medical': 'Medical care', 'needKind.rent': 'Rent', 'needKind.utilities': 'Utility bills',
      'needKind.clothing': 'Clothing', 'needKind.other': 'Other',
      'sex.female': 'girl or woman', 'sex.male': 'boy or man', 'sex.other': 'other',
      'needStatus.open': 'Open', 'needStatus.pledged': 'Pledged',
      navGiving: 'My giving', myDonations: 'My donations', myPledges: 'My pledges',
      givingHelp: 'Each donation and pledge of yours, from the pledge to the family confirming it arrived.',
      noGiving: 'No donations or pledges yet', need: 'Need', pledgedOn: 'Pledged on',
      daysInStage: 'Days in this stage', donation: 'Donation', awaitingDonation: 'awaiting the donation',
      pledge: 'Pledge', pledgeRecorded: 'Pledged',
      matchesTitle: 'Programmes that match you',
      matchesHelp: 'Ranked by how well each programme fits your interests and how much help it needs near you.',
      program: 'Programme', reasons: 'Why', interested: "I'm interested", interestRegistered: 'Interest registered',
      noMatches: 'No programme matches you yet',
      'reason.interested': 'you are interested in {kind}',
      'reason.active': '{count} active participants in {region}',
      'reason.need': '{ratio} participants per volunteer interested in {kind} in {region}',
      'reason.mostStretched': 'the most stretched in the region', listSeparator: ', ',
      'programKind.education_support': 'education support', 'programKind.vocational_training': 'vocational training',
      'programKind.health': 'health', 'programKind.psychosocial': 'psychosocial support',
      'programKind.legal_aid': 'legal aid', 'programKind.food_aid': 'food aid',
      'programKind.cash_transfer': 'cash transfers', 'programKind.housing': 'housing',
      occasions: 'Giving by occasion', occasion: 'Occasion', dates: 'Dates', measure: 'Measure',
      currency: 'Currency', rateRatio: 'Rate ratio (95% CI)',
      occasionsHelp: 'Weekly donations and volunteer sign-ups in each occasion against the 8 weeks before and after it: a ratio above 1 means more than usual (95% CI).',
      'measure.donations': 'Donations', 'measure.amount': 'Amount given',
      'measure.volunteer_sign_ups': 'Volunteer sign-ups',
      'measure.pledges': 'Pledges', 'measure.pledged_amount': 'Amount pledged',
      periodFrom: 'From month', periodTo: 'To month', allPrograms: 'All programmes',
      downloadCsv: 'Download CSV', drillDown: 'Open this region and problem in the planner view',
      showTrend: 'Show its trend',
      periodPresets: 'Period', presetMonth: 'This month', presetQuarter: 'This quarter',
      presetYear: 'This Jalali year', presetCustom: 'Custom',
      impactHelp: "Click a programme's bar or row for its impact by every method.",
      outcome: 'Outcome', scale: 'Scale', openProgram: "Open this programme's impact", back: 'Back',
      noEstimate: 'No outcome of this programme has an estimate', kindOfProgram: 'Kind of programme',
      targetProblem: 'Target problem', trimmed: 'comparison trimmed', headline: 'headline',
      costPerOutcome: 'Cost per outcome (95% CI)', balance: 'Covariate balance (standardised mean difference)',
      nEnrolled: 'n enrolled', nComparison: 'n comparison', covariate: 'Covariate', smdBefore: 'Before adjustment', smdAfter: 'After adjustment',
      unbalancedStrata: 'Strata still unbalanced', unbalancedOf: '{count} of {strata}',
      'outcomeType.risk_difference': 'risk difference', 'outcomeType.mean_difference': 'score points',
      order: 'Order', orderListed: 'As listed', orderEstimate: 'Largest effect first', orderSample: 'Largest sample first',
      impactRisk: 'Risk difference: the change in the share of people with the outcome',
      impactScore: 'Score points: the change in the mean score',
      impactDescription: 'Bar chart of {count} programme estimates in {scale}, each with its 95% interval and n; the same numbers are in the table below.',
      trendDescription: 'Line chart of {measure} by month from {first} to {last}; the same numbers are in the data table below.',
      graphDescription: 'Causal graph of {nodes} factors and problems and {edges} links; the list of problems below opens their root causes, the data table lists the links.',
      methodsDescription: 'Estimates of {outcome} by {count} methods, each with its 95% interval; the same numbers are in the table below.',
      dataTable: 'Data table', savePng: 'Save as PNG', printReport: 'Print report', reportPeriod: 'Period',
      regionMap: 'Emerging problems by region',
      regionMapHelp: "Each region's highest hotspot score in the period: how far its cases of a problem rose above the expected (EARS C2; flagged above 3 by default). Click a region for its page.",
      highestScore: 'Highest score', flaggedMonths: 'Flagged months', casesJudged: 'Cases in the months judged',
      mapDescription: 'Map of {count} regions coloured by their highest hotspot score in the period, from {low} to {high}; the same numbers are in the table below.',
      noMap: 'The regions catalogue has no outlines: the regions are listed without a map.',
      openRegion: "Open this region's page", regionTrend: 'Cases opened in the region', partOf: 'Part of',
      childRegions: 'Regions within it',
      noOwnRows: 'This region has no figures of its own in the published data.',
      noRegionData: 'No data: no case is recorded in this region itself',
      ownRowsOnly: "The figures below are this region's own rows only: they do not add up the regions within it. Open each for its figures.",
      regionPeriod: 'Period', noRegion: 'Choose a region on the map',
      allMonths: 'all months', graphNodes: 'Problems and factors in the graph', showRootCauses: 'Show its root causes',
      from: 'From', to: 'To', direction: 'Direction', directed: 'directed', undirected: 'undecided'
    },
    fa: {
      title: 'داشبورد ریشه', navLeadership: 'راهبری', navPlanner: 'برنامه‌ریزی', navDonor: 'اهداکننده',
      navVolunteer: 'برنامه‌های من',
      jalali: 'تقویم جلالی', forgetKey: 'فراموش کردن کلید', otherLanguage: 'English',
      keyTitle: 'کلید API خود را وارد کنید', keyHelp: 'کلید فقط در همین نشست مرورگر نگه داشته می‌شود.',
      keyLabel: 'کلید API', keySubmit: 'ادامه',
      kpis: 'شاخص‌های کلیدی', trends: 'روندها', metric: 'سنجه', impact: 'اثر برنامه‌ها (بازه اطمینان ۹۵٪)',
      hotspots: 'مشکلات نوظهور', region: 'منطقه', problem: 'مشکل', period: 'ماه',
      observed: 'مشاهده‌شده', expected: 'مورد انتظار', score: 'امتیاز', allRegions: 'همه مناطق',
      rootCauses: 'علت‌های ریشه‌ای', rank: '#', factor: 'عامل', relativeRisk: 'خطر نسبی',
      adjustedOddsRatio: 'نسبت شانس تعدیل‌شده', attributableFraction: 'کسر منتسب',
      totalEffect: 'اثر کل (نسبت خطر)',
      totalQ: 'q (اثر کل)', evidence: 'شواهد', exposedCases: 'موارد در معرض',
      causalGraph: 'گراف علّی',
      graphHelp: 'گره‌ها را بکشید؛ با کلیک روی یک مشکل علت‌های ریشه‌ای آن را ببینید. پیکان‌ها یال‌های جهت‌دارند و خط‌های ضخیم‌تر پایدارترند.',
      chains: 'زنجیره‌ها از علت ریشه‌ای تا مشکل', donationId: 'شناسه کمک',
      direct: 'مستقیم', indirect: 'غیرمستقیم', total: 'کل', intervalTo: 'تا', possible: 'احتمالی',
      possibleHelp: 'جهت برخی پیوندها را نمی‌شد از داده‌ها تعیین کرد؛ رو به جلو خوانده شده است',
      undirectedLink: 'جهت از داده‌ها تعیین نشد',
      chainsHelp: 'اثرها به صورت تفاوت خطر (۰٫۱۰: ۱۰ واحد درصد بیشتر از مشکل) با فرمول g میانجی، با بازه اطمینان ۹۵٪ خوشه‌بندی‌شده بر پایه خانواده؛ n شمار افراد است. اثر غیرمستقیم بخشی است که از پیوندهای میانی زنجیره می‌گذرد. مسیرها و رتبه‌ها از همین داده‌ها انتخاب شده‌اند، پس بازه‌ها این انتخاب را در نظر نمی‌گیرند. زنجیره احتمالی پیوندهایی دارد که داده‌ها جهتشان را تعیین نکردند (با — کشیده شده)؛ رو به جلو خوانده می‌شود.',
      chainsHelpLogOdds: 'اثرها در مقیاس لگاریتم شانس (اجرایی از پیش از تفاوت خطر) با بازه اطمینان ۹۵٪؛ n شمار افراد است. زنجیره احتمالی پیوندهایی دارد که داده‌ها جهتشان را تعیین نکردند (با — کشیده شده)؛ رو به جلو خوانده می‌شود.',
      familiesCount: 'خانواده',
      showJourney: 'نمایش مسیر', designation: 'مقصد', current: 'مرحله کنونی',
      receivedOn: 'تاریخ دریافت', deliveredOn: 'تاریخ تحویل', daysToDelivery: 'روز تا تحویل',
      flags: 'هشدارها', days: 'روز', estimate: 'برآورد', naiveDifference: 'تفاوت ساده',
      method: 'روش', sampleSize: 'n', enrolled: 'ثبت‌نام‌شده', comparison: 'گروه مقایسه',
      notEstimated: 'بدون برآورد',
      notAvailable: 'هنوز روی این سرور در دسترس نیست', forbidden: 'این کلید اجازه دیدن این بخش را ندارد',
      badKey: 'کلید پذیرفته نشد؛ دوباره وارد کنید', network: 'دسترسی به سرور ممکن نشد',
      failed: 'درخواست ناموفق بود', noData: 'چیزی برای نمایش نیست', chooseProblem: 'یک مشکل انتخاب کنید',
      peopleReached: 'افراد یاری‌شده', familiesReached: 'خانواده‌های یاری‌شده',
      casesOpened: 'پرونده‌های گشوده', casesClosed: 'پرونده‌های بسته', casesResolved: 'پرونده‌های حل‌شده',
      medianDaysToResolution: 'میانه روز تا حل', programParticipants: 'شرکت‌کنندگان برنامه',
      programCompletions: 'پایان‌یافتگان برنامه', completionRate: 'نرخ پایان برنامه',
      donationsReceived: 'کمک‌های دریافتی', donationsDelivered: 'کمک‌های تحویل‌شده',
      shareDelivered: 'سهم تحویل‌شده', medianDaysToDelivery: 'میانه روز تا تحویل',
      costPerParticipant: 'هزینه هر شرکت‌کننده',
      stability: 'پایداری',
      'stage.pledged': 'تعهد شد', 'stage.received': 'دریافت شد', 'stage.allocated': 'تخصیص یافت',
      'stage.purchased': 'خریداری شد', 'stage.dispatched': 'ارسال شد', 'stage.delivered': 'تحویل شد',
      'stage.confirmed': 'تأیید شد',
      'flag.stalled': 'متوقف', 'flag.out_of_order': 'مراحل نابه‌ترتیب', 'flag.never_delivered': 'هرگز تحویل نشد',
      'flag.partly_delivered': 'بخشی تحویل شد', 'flag.over_delivered': 'بیش از کمک تحویل شد',
      'evidence.strong': 'قوی', 'evidence.moderate': 'متوسط', 'evidence.weak': 'ضعیف',
      'evidence.insufficient_data': 'داده ناکافی',
      'kind.demographic': 'جمعیتی', 'kind.factor': 'عامل', 'kind.problem': 'مشکل',
      'method.doubly_robust': 'دوگانه مقاوم', 'method.inverse_probability_weighting': 'وزن‌دهی با معکوس احتمال',
      'method.nearest_neighbour_matching': 'همتاسازی نزدیک‌ترین همسایه',
      'method.propensity_stratification': 'طبقه‌بندی بر پایه نمره گرایش', 'method.entropy_balancing': 'توازن آنتروپی',
      'method.naive_difference': 'تفاوت ساده',
      'designation.general': 'صندوق عمومی', 'designation.program': 'برنامه', 'designation.family': 'خانواده',
      'designation.person': 'فرد', 'designation.need': 'نیاز',
      navNeeds: 'نیازها', needsTitle: 'نیازهایی که می‌توانید برآورده کنید',
      needsHelp: 'نیازهای باز خانواده‌ها و کودکان، بی‌نام: گروه سنی و جنس کودک فقط وقتی نشان داده می‌شود که کودکان کافی در آن شریک باشند.',
      needKind: 'نوع نیاز', allKinds: 'همه نوع‌ها', needRef: 'شناسه', amount: 'مبلغ',
      ageBand: 'سن', sex: 'جنس', daysOpen: 'روزهای باز', status: 'وضعیت', noNeeds: 'نیاز بازی با این انتخاب نیست',
      'needKind.school_fees': 'شهریه مدرسه', 'needKind.school_supplies': 'لوازم مدرسه', 'needKind.food': 'غذا',
      'needKind.medical': 'درمان', 'needKind.rent': 'اجاره خانه', 'needKind.utilities': 'قبض‌های خانه',
      'needKind.clothing': 'پوشاک', 'needKind.other': 'سایر',
      'sex.female': 'دختر یا زن', 'sex.male': 'پسر یا مرد', 'sex.other': 'دیگر',
      'needStatus.open': 'باز', 'needStatus.pledged': 'تعهد شده',
      navGiving: 'کمک‌های من', myDonations: 'کمک‌های اهدایی من', myPledges: 'تعهدهای من',
      givingHelp: 'هر کمک و تعهد شما، از تعهد تا تأیید رسیدن آن به دست خانواده.',
      noGiving: 'هنوز کمک یا تعهدی ثبت نشده است', need: 'نیاز', pledgedOn: 'تاریخ تعهد',
      daysInStage: 'روز در این مرحله', donation: 'کمک', awaitingDonation: 'در انتظار رسیدن کمک',
      pledge: 'تعهد می‌کنم', pledgeRecorded: 'تعهد ثبت شد',
      matchesTitle: 'برنامه‌های مناسب شما',
      matchesHelp: 'به ترتیب تناسب هر برنامه با علاقه‌های شما و میزان نیاز آن به کمک در نزدیکی شما.',
      program: 'برنامه', reasons: 'چرا', interested: 'علاقه‌مندم', interestRegistered: 'علاقه ثبت شد',
      noMatches: 'هنوز برنامه‌ای با شما جور نشده است',
      'reason.interested': 'به {kind} علاقه دارید',
      'reason.active': '{count} شرکت‌کننده فعال در {region}',
      'reason.need': '{ratio} شرکت‌کننده به ازای هر داوطلب علاقه‌مند به {kind} در {region}',
      'reason.mostStretched': 'پرفشارترین برنامه منطقه', listSeparator: '، ',
      'programKind.education_support': 'حمایت تحصیلی', 'programKind.vocational_training': 'آموزش مهارت',
      'programKind.health': 'سلامت', 'programKind.psychosocial': 'حمایت روانی‌اجتماعی',
      'programKind.legal_aid': 'کمک حقوقی', 'programKind.food_aid': 'کمک غذایی',
      'programKind.cash_transfer': 'کمک نقدی', 'programKind.housing': 'مسکن',
      occasions: 'کمک‌ها در مناسبت‌ها', occasion: 'مناسبت', dates: 'تاریخ‌ها', measure: 'سنجه',
      currency: 'ارز', rateRatio: 'نسبت نرخ (بازه اطمینان ۹۵٪)',
      occasionsHelp: 'کمک‌ها و ثبت‌نام داوطلبان در هر هفته از مناسبت در برابر ۸ هفته پیش و پس از آن: نسبت بیش از ۱ یعنی بیش از معمول (بازه اطمینان ۹۵٪).',
      'measure.donations': 'شمار کمک‌ها', 'measure.amount': 'مبلغ کمک‌ها',
      'measure.volunteer_sign_ups': 'ثبت‌نام داوطلبان',
      'measure.pledges': 'شمار تعهدها', 'measure.pledged_amount': 'مبلغ تعهدشده',
      periodFrom: 'از ماه', periodTo: 'تا ماه', allPrograms: 'همه برنامه‌ها',
      downloadCsv: 'بارگیری CSV', drillDown: 'نمایش این منطقه و مشکل در برنامه‌ریزی',
      showTrend: 'نمایش روند آن',
      periodPresets: 'دوره', presetMonth: 'این ماه', presetQuarter: 'این فصل',
      presetYear: 'امسال (سال خورشیدی)', presetCustom: 'دلخواه',
      impactHelp: 'برای دیدن اثر هر برنامه با همه روش‌ها روی ستون یا سطر آن کلیک کنید.',
      outcome: 'پیامد', scale: 'مقیاس', openProgram: 'نمایش اثر این برنامه', back: 'بازگشت',
      noEstimate: 'هیچ پیامدی از این برنامه برآورد ندارد', kindOfProgram: 'نوع برنامه',
      targetProblem: 'مشکل هدف', trimmed: 'از گروه مقایسه کنار گذاشته شد', headline: 'روش اصلی',
      costPerOutcome: 'هزینه هر پیامد (بازه اطمینان ۹۵٪)', balance: 'توازن متغیرهای کمکی (تفاوت میانگین استانداردشده)',
      nEnrolled: 'n ثبت‌نام‌شده', nComparison: 'n گروه مقایسه', covariate: 'متغیر کمکی', smdBefore: 'پیش از تعدیل', smdAfter: 'پس از تعدیل',
      unbalancedStrata: 'طبقه‌های هنوز نامتوازن', unbalancedOf: '{count} از {strata}',
      'outcomeType.risk_difference': 'تفاوت خطر', 'outcomeType.mean_difference': 'امتیاز',
      order: 'ترتیب', orderListed: 'به ترتیب فهرست', orderEstimate: 'بزرگ‌ترین اثر نخست', orderSample: 'بزرگ‌ترین نمونه نخست',
      impactRisk: 'تفاوت خطر: تغییر سهم افرادی که پیامد را دارند',
      impactScore: 'امتیاز: تغییر میانگین امتیاز',
      impactDescription: 'نمودار ستونی {count} برآورد اثر برنامه‌ها به {scale}، هر یک با بازه اطمینان ۹۵٪ و n؛ همین عددها در جدول زیر آمده‌اند.',
      trendDescription: 'نمودار خطی {measure} به تفکیک ماه از {first} تا {last}؛ همین عددها در جدول داده‌ها آمده‌اند.',
      graphDescription: 'گراف علّی {nodes} عامل و مشکل و {edges} پیوند؛ فهرست مشکل‌ها در زیر علت‌های ریشه‌ای آن‌ها را نشان می‌دهد و جدول داده‌ها پیوندها را.',
      methodsDescription: 'برآورد {outcome} با {count} روش، هر یک با بازه اطمینان ۹۵٪؛ همین عددها در جدول زیر آمده‌اند.',
      dataTable: 'جدول داده‌ها', savePng: 'ذخیره به صورت PNG', printReport: 'چاپ گزارش', reportPeriod: 'دوره',
      regionMap: 'مشکل‌های نوظهور به تفکیک منطقه',
      regionMapHelp: 'بالاترین امتیاز کانون هر منطقه در این دوره: موردهای یک مشکل در آن چقدر از انتظار فراتر رفت (به‌طور پیش‌فرض بالاتر از ۳ هشدار). برای صفحه هر منطقه روی آن کلیک کنید.',
      highestScore: 'بالاترین امتیاز', flaggedMonths: 'ماه‌های هشدار', casesJudged: 'موردها در ماه‌های سنجیده',
      mapDescription: 'نقشه {count} منطقه که رنگ هر یک بالاترین امتیاز کانون آن در این دوره است، از {low} تا {high}؛ همین عددها در جدول زیر آمده‌اند.',
      noMap: 'فهرست منطقه‌ها مرز ندارد: منطقه‌ها بدون نقشه فهرست شده‌اند.',
      openRegion: 'نمایش صفحه این منطقه', regionTrend: 'موردهای گشوده در منطقه', partOf: 'بخشی از',
      childRegions: 'منطقه‌های درون آن',
      noOwnRows: 'این منطقه در داده‌های منتشرشده عددی از خود ندارد.',
      noRegionData: 'بدون داده: هیچ موردی در خود این منطقه ثبت نشده است',
      ownRowsOnly: 'عددهای زیر تنها ردیف‌های خود این منطقه‌اند و جمع منطقه‌های درون آن نیستند. برای عددهای هر یک، صفحه‌اش را باز کنید.',
      regionPeriod: 'دوره', noRegion: 'منطقه‌ای را روی نقشه برگزینید',
      allMonths: 'همه ماه‌ها', graphNodes: 'مشکل‌ها و عامل‌های گراف', showRootCauses: 'نمایش علت‌های ریشه‌ای آن',
      from: 'از', to: 'تا', direction: 'جهت', directed: 'جهت‌دار', undirected: 'تعیین‌نشده'
    }
  };
  var KPIS = ['peopleReached', 'familiesReached', 'casesOpened', 'casesResolved',
    'medianDaysToResolution', 'programParticipants', 'completionRate', 'donationsReceived',
    'shareDelivered', 'medianDaysToDelivery', 'costPerParticipant'];
  var SHARES = ['completionRate', 'shareDelivered'];
  var TREND_METRICS = ['casesOpened', 'casesResolved', 'peopleReached', 'familiesReached',
    'programParticipants', 'donationsReceived', 'donationsDelivered', 'medianDaysToResolution'];
  // The orders of the impact charts besides the programmes' own (sort=): largest effect, largest sample.
  var IMPACT_ORDERS = ['estimate', 'n'];
  var PAGES = ['leadership', 'planner', 'donor', 'giving', 'volunteer', 'needs'];
  // Views without a link of their own, opened from another (a programme's bar or row opens its
  // impact), and the view whose keys may open them.
  var DETAILS = { program: 'leadership', region: 'leadership' };
  var SECTIONS = PAGES.concat(Object.keys(DETAILS));
  var NEED_KINDS = ['school_fees', 'school_supplies', 'food', 'medical', 'rent', 'utilities', 'clothing', 'other'];
  // The views each role may use: those whose data routes (docs/api.md, Routes.java) admit the role.
  // Only a volunteer's key has matches of its own, and only a donor's key giving of its own.
  var STAFF = ['leadership', 'planner', 'donor', 'needs'];
  // The roles GET /regions admits: the others see region codes, never a refusal.
  var CATALOGUE_ROLES = ['leadership', 'planner', 'researcher', 'admin'];
  var VIEWS = {
    leadership: STAFF, admin: STAFF, planner: ['leadership', 'planner', 'needs'],
    researcher: ['planner'], donor: ['donor', 'giving', 'needs'], volunteer: ['volunteer']
  };

  var state = {
    lang: sessionStorage.getItem('rishe.lang') === 'fa' ? 'fa' : 'en',
    // the open view and the filters it was asked for (readUrl), and whether its address names the language
    page: null,
    filters: {},
    urlLang: false,
    problemLabels: {},
    nodeLabels: {},
    // the text of every axis label the charts drew, by chart: read by the browser test
    axisLabels: {},
    // the data's first and last month for the period presets and the map, asked for once per key (dataSpan)
    latest: null,
    // the impact estimates loaded, drawn again in another order without asking (showImpact)
    impactRows: [],
    // the view, with its filters, that a programme's or a region's page was opened from (Back)
    returnTo: null,
    // the regions catalogue, by code, asked for once per key (regionCatalogue)
    catalogue: null
  };
  state.jalali = calendarChosen(state.lang);

  // Jalali by default in Persian, Gregorian in English; a choice made with the checkbox is kept
  // for that language.
  function calendarChosen(lang) {
    var chosen = sessionStorage.getItem('rishe.calendar.' + lang);
    return chosen ? chosen === 'jalali' : lang === 'fa';
  }

  // Every string the page shows goes through t: a name missing from the language's table is
  // recorded in window.__missingKeys (the browser test asserts it stays empty) and shown as
  // the fallback, or the English text, or the name.
  var missingKeys = window.__missingKeys = [];
  function has(table, name) { return Object.prototype.hasOwnProperty.call(table, name); }
  function missing(lang, name) {
    if (missingKeys.indexOf(lang + ':' + name) < 0) { missingKeys.push(lang + ':' + name); }
  }
  function t(name, fallback) {
    var table = STRINGS[state.lang];
    if (has(table, name)) { return table[name]; }
    missing(state.lang, name);
    return fallback !== undefined ? fallback : has(STRINGS.en, name) ? STRINGS.en[name] : name;
  }
  // A value the API sends as a code (an evidence grade, a stage, a flag, a method): its words,
  // looked up as kind.code with spaces as underscores ('insufficient data' is
  // evidence.insufficient_data); an unknown code is shown as itself, never as a key.
  function term(kind, value) {
    if (value === null || value === undefined || value === '') { return '–'; }
    return t(kind + '.' + codeKey(value), String(value).replace(/_/g, ' '));
  }
  function codeKey(value) { return String(value).trim().replace(/[\s-]+/g, '_'); }
  // Both tables hold the same names: one missing from either is recorded once, at start.
  function checkTables() {
    Object.keys(STRINGS).forEach(function (lang) {
      Object.keys(STRINGS).forEach(function (other) {
        Object.keys(STRINGS[other]).forEach(function (name) {
          if (!has(STRINGS[lang], name)) { missing(lang, name); }
        });
      });
    });
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function locale() { return state.lang === 'fa' ? 'fa-IR' : 'en-GB'; }
  function number(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) { return '–'; }
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits === undefined ? 1 : digits }).format(value);
  }
  function percent(value) {
    if (value === null || value === undefined) { return '–'; }
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
  function date(text) {
    if (!text) { return '–'; }
    var parsed = new Date(text);
    if (Number.isNaN(parsed.getTime())) { return text; }
    return new Intl.DateTimeFormat(locale(), {
      calendar: state.jalali ? 'persian' : 'gregory', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'
    }).format(parsed);
  }
  // One part ('month' or 'year') of a day in the Jalali or the Gregorian calendar.
  function datePart(jalali, day, name) {
    var options = { calendar: jalali ? 'persian' : 'gregory', timeZone: 'UTC' };
    options[name] = name === 'year' ? 'numeric' : 'long';
    return new Intl.DateTimeFormat(locale(), options).format(day);
  }
  // A month and its year, composed here: ICU writes a Persian Jalali month year first
  // ("۱۴۰۲ دی") but its Gregorian months name first.
  function monthName(jalali, day) {
    return datePart(jalali, day, 'month') + ' ' + datePart(jalali, day, 'year');
  }
  // A month the API names YYYY-MM in `calendar` ('jalali' or 'gregorian'), in words. A Jalali
  // month is drawn from its middle day, found from 1 Farvardin ≈ 21 March (months 1-6 have 31
  // days, 7-11 have 30): an error of a day or two never leaves the month.
  function month(period, calendarName) {
    var match = /^(\d{4})-(\d{2})$/.exec(period || '');
    if (!match) { return period || '–'; }
    var year = Number(match[1]);
    var index = Number(match[2]);
    if (calendarName === 'jalali') {
      var days = index <= 7 ? (index - 1) * 31 : 186 + (index - 7) * 30;
      return monthName(true, new Date(Date.UTC(year + 621, 2, 21 + days + 14)));
    }
    if (!state.jalali) { return monthName(false, new Date(Date.UTC(year, index - 1, 15))); }
    // a Gregorian month in the Jalali calendar spans the end of one month and the start of the next
    var first = new Date(Date.UTC(year, index - 1, 1));
    var last = new Date(Date.UTC(year, index, 0));
    var sameYear = datePart(true, first, 'year') === datePart(true, last, 'year');
    return (sameYear ? datePart(true, first, 'month') : monthName(true, first)) + ' – ' + monthName(true, last);
  }
  function interval(value) {
    if (!value || value.estimate === null || value.estimate === undefined) { return '–'; }
    return number(value.estimate, 2) + ' [' + number(value.low, 2) + ' – ' + number(value.high, 2) + ']';
  }
  // a chain's effect: "total 0.40 (0.30 to 0.50)", the interval left out when the run has none
  function effect(name, value, low, high) {
    var fixed = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    function format(x) { return new Intl.NumberFormat(locale(), fixed).format(x); }
    var text = t(name) + ' ' + (value === null || value === undefined ? '–' : format(value));
    if (low === null || low === undefined || high === null || high === undefined) { return text; }
    return text + ' (' + format(low) + ' ' + t('intervalTo') + ' ' + format(high) + ')';
  }
  function calendar() { return state.jalali ? 'jalali' : 'gregorian'; }

  // ---- the view in the URL: #/view?name=value&…, so that a link reproduces the view ----
  // The filters each view keeps in the address, in the order written; lang (en or fa) may follow
  // any view. A value the page cannot use (malformed, a period whose end is before its start, or a
  // choice not among those loaded) is dropped for its default and the address rewritten in place.
  // Months are Gregorian, YYYY-MM, whatever the calendar shown.
  var FILTERS = {
    leadership: ['region', 'from', 'to', 'program', 'metric', 'sort'],
    planner: ['problem', 'region'],
    needs: ['kind', 'region'],
    donor: ['donation'],
    program: ['id'],
    region: ['code', 'from', 'to']
  };
  var CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
  var MONTH = /^[1-9]\d{3}-(0[1-9]|1[0-2])$/;
  function validFilter(name, value) {
    if (name === 'from' || name === 'to') { return MONTH.test(value); }
    if (name === 'metric') { return TREND_METRICS.indexOf(value) >= 0; }
    if (name === 'sort') { return IMPACT_ORDERS.indexOf(value) >= 0; }
    if (name === 'kind') { return NEED_KINDS.indexOf(value) >= 0; }
    return CODE.test(value);
  }
  // The view the address asks for: its name, its filters and its language (null when not named).
  function readUrl() {
    var match = /^#\/([^?]*)(?:\?(.*))?$/.exec(location.hash) || [];
    var page = match[1] || '';
    var params = new URLSearchParams(match[2] || '');
    var filters = {};
    (has(FILTERS, page) ? FILTERS[page] : []).forEach(function (name) {
      var value = params.get(name);
      if (value !== null && validFilter(name, value)) { filters[name] = value; }
    });
    if (filters.from && filters.to && filters.from > filters.to) { delete filters.from; delete filters.to; }
    var lang = params.get('lang');
    return { page: page, filters: filters, lang: lang === 'en' || lang === 'fa' ? lang : null };
  }
  function viewUrl(page, filters, lang) {
    var params = new URLSearchParams();
    (has(FILTERS, page) ? FILTERS[page] : []).forEach(function (name) {
      if (filters[name]) { params.set(name, filters[name]); }
    });
    if (lang) { params.set('lang', lang); }
    var query = params.toString();
    return '#/' + page + (query ? '?' + query : '');
  }
  function currentUrl() { return viewUrl(state.page, state.filters, state.urlLang ? state.lang : null); }
  // A filter the user changed: a new entry in the history, so that back returns to the view before.
  function setFilter(name, value) {
    var values = {};
    values[name] = value;
    setFilters(values);
  }
  // Several filters changed at once (a period preset's from and to): one entry in the history.
  function setFilters(values) {
    Object.keys(values).forEach(function (name) {
      if (values[name]) { state.filters[name] = values[name]; } else { delete state.filters[name]; }
    });
    var url = currentUrl();
    if (url !== location.hash) { history.pushState(null, '', url); }
  }
  // A filter the address asked for that the page cannot use: the default, the address corrected.
  function dropFilter(name) {
    delete state.filters[name];
    var url = currentUrl();
    if (url !== location.hash) { history.replaceState(null, '', url); }
  }
  // Selects the filter's value when it is among the select's options, else `fallback` (dropping
  // the filter); returns what is selected.
  function choose(select, name, fallback) {
    var wanted = state.filters[name];
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
    if (wanted && !known) { dropFilter(name); }
    select.value = wanted && known ? wanted : fallback;
    return select.value;
  }
  // The region and period filters as query parameters. For a route in the Jalali calendar the
  // period is the Jalali months that cover it: from the one holding its first day to the one
  // holding its last.
  function filterQuery(jalali, region) {
    region = region === undefined ? state.filters.region : region;
    var query = region ? '&region=' + encodeURIComponent(region) : '';
    if (state.filters.from) { query += '&from=' + (jalali ? jalaliMonth(state.filters.from, false) : state.filters.from); }
    if (state.filters.to) { query += '&to=' + (jalali ? jalaliMonth(state.filters.to, true) : state.filters.to); }
    return query;
  }
  function jalaliMonth(gregorian, last) {
    var year = Number(gregorian.slice(0, 4));
    var index = Number(gregorian.slice(5, 7));
    var day = jalaliDay(last ? new Date(Date.UTC(year, index, 0)) : new Date(Date.UTC(year, index - 1, 1)));
    return day.year + '-' + ('0' + day.month).slice(-2);
  }
  // A Gregorian day (a Date at midnight UTC) in the Jalali (Persian solar) calendar, by the
  // browser's ICU calendar: { year, month, day } as numbers. The browser test checks it on known
  // days (1 Farvardin 1404 is 21 March 2025, 1 Farvardin 1403 is 20 March 2024).
  function jalaliDay(day) {
    var parts = {};
    new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
      .formatToParts(day).forEach(function (part) { parts[part.type] = part.value; });
    // ICU writes the era's year as "1403 AP" in some versions: the digits only
    return { year: parseInt(parts.year, 10), month: Number(parts.month), day: Number(parts.day) };
  }

  // ---- period presets: this month, this quarter, this Jalali year, or the months chosen ----
  // "This" is the data's latest month (the last month of the whole trend, asked for once per
  // key), or the current month when the server cannot say. Each preset is written to the address
  // as from and to, Gregorian months like those the month inputs choose, up to the latest month.
  var PRESETS = ['month', 'quarter', 'year'];
  function latestMonth() {
    var today = new Date().toISOString().slice(0, 7);
    return dataSpan().then(function (span) { return span ? span.last : today; });
  }
  // The data's first and last month (Gregorian, { first, last }), from the whole trend asked for
  // once per key; null when the server cannot say.
  function dataSpan() {
    if (!state.latest || state.latest.key !== apiKey()) {
      state.latest = {
        key: apiKey(),
        span: api('/api/v1/dashboard/trends?by=month&limit=1000&calendar=gregorian&metric=' + TREND_METRICS[0])
          .then(function (body) {
            var points = body.points || [];
            return points.length && !body.nextCursor ? { first: points[0].period, last: points[points.length - 1].period } : null;
          }, function () { return null; })
      };
    }
    return state.latest.span;
  }
  function addMonths(month, count) {
    var index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
    return Math.floor(index / 12) + '-' + ('0' + (index % 12 + 1)).slice(-2);
  }
  // The period a preset names, as { from, to }, relative to `latest` (YYYY-MM). A Jalali year
  // (1 Farvardin to the end of Esfand) is the Gregorian months from April, the first to begin in
  // Farvardin, to February, the last to end in Esfand: with the Jalali calendar on, the page asks
  // for exactly Farvardin to Esfand (filterQuery). The year is the one holding the latest month's
  // first day (in March, the year that is ending). A quarter is the calendar's: with the Jalali
  // calendar on (`jalali`), a season of three Jalali months, which the first two months of a
  // Gregorian quarter cover in the same way (January and February: Dey to Esfand).
  function presetPeriod(preset, latest, jalali) {
    if (preset === 'month') { return { from: latest, to: latest }; }
    if (preset === 'quarter') {
      var index = Number(latest.slice(5, 7));
      var start = latest.slice(0, 5) + ('0' + (index - (index - 1) % 3)).slice(-2);
      var second = addMonths(start, 1);
      return { from: start, to: jalali && latest > second ? second : latest };
    }
    var year = jalaliDay(new Date(latest + '-01T00:00:00Z')).year;
    var end = (year + 622) + '-02';
    return { from: (year + 621) + '-04', to: latest < end ? latest : end };
  }
  // Marks the preset the period is (aria-pressed), "custom" for any other chosen period, none for
  // the whole span of the data.
  function markPreset() {
    var from = state.filters.from;
    var to = state.filters.to;
    latestMonth().then(function (latest) {
      var chosen = from || to ? 'custom' : null;
      PRESETS.forEach(function (preset) {
        var period = presetPeriod(preset, latest, state.jalali);
        if (period.from === from && period.to === to) { chosen = preset; }
      });
      Array.prototype.forEach.call(document.querySelectorAll('button.preset'), function (button) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-preset') === chosen));
      });
    });
  }
  function choosePreset(preset) {
    if (preset === 'custom') {
      Array.prototype.forEach.call(document.querySelectorAll('button.preset'), function (button) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-preset') === 'custom'));
      });
      $('period-from').focus();
      return;
    }
    latestMonth().then(function (latest) {
      var period = presetPeriod(preset, latest, state.jalali);
      setFilters({ from: period.from, to: period.to });
      $('period-from').value = period.from;
      $('period-to').value = period.to;
      markPreset();
      loadFigures();
    });
  }
  // The regions to choose from, asked for once per key: those the catalogue says have data
  // (GET /regions' hasData), so that no choice yields an empty page. Where the catalogue cannot
  // say (a role it does not serve, a run without it, a researcher not told: hasData null), the
  // regions of the judged hotspot months, less those the catalogue says have none; codes the
  // catalogue does not hold (unassigned) come from the months too.
  function regionList() {
    if (!state.regions || state.regions.key !== apiKey()) {
      var regions = state.regions = { key: apiKey() };
      regions.list = regionCatalogue().then(function (catalogue) {
        var known = catalogue.length > 0 && catalogue.every(function (r) { return r.hasData === true || r.hasData === false; });
        var withData = catalogue.filter(function (r) { return r.hasData === true; }).map(function (r) { return r.code; });
        return (known ? Promise.resolve([]) : hotspotRegions()).then(function (judged) {
          var list = withData.slice();
          judged.forEach(function (code) {
            var region = state.catalogue.byCode[code];
            if (list.indexOf(code) < 0 && !(region && region.hasData === false)) { list.push(code); }
          });
          return list.sort();
        });
      }).catch(function () {
        if (state.regions === regions) { state.regions = null; }
        return [];
      });
    }
    return state.regions.list;
  }
  // The regions of the judged hotspot months (the first thousand).
  function hotspotRegions() {
    return api('/api/v1/hotspots?all=true&limit=1000').then(function (body) {
      var list = [];
      body.hotspots.forEach(function (h) { if (list.indexOf(h.region) < 0) { list.push(h.region); } });
      return list;
    });
  }
  // Whether the catalogue says the region has no case of its own (not when it cannot say).
  function withoutData(code) {
    var region = state.catalogue && state.catalogue.byCode[code];
    return !!region && region.hasData === false;
  }

  // ---- regions: named from the catalogue in the page's language, the code where it has none ----
  // GET /regions once per key, by the roles it admits; without it (another role, a server or run
  // without a catalogue) every region is shown by its code and there is no map.
  function regionCatalogue() {
    var key = apiKey();
    if (!state.catalogue || state.catalogue.key !== key) {
      var catalogue = state.catalogue = { key: key, byCode: {}, list: [] };
      catalogue.loaded = allowedViews().then(function () {
        var role = state.views && state.views.role;
        if (role && CATALOGUE_ROLES.indexOf(role) < 0) { return []; }
        return api('/api/v1/regions').then(function (body) { return body.regions || []; }, function () { return []; });
      }, function () { return []; }).then(function (regions) {
        regions.forEach(function (region) { catalogue.byCode[region.code] = region; });
        catalogue.list = regions;
        return regions;
      });
    }
    return state.catalogue.loaded;
  }
  // A region's name in the page's language, else in the other, else its code.
  function regionName(id) {
    var region = state.catalogue && state.catalogue.byCode[id];
    if (!region) { return id; }
    var names = state.lang === 'fa' ? [region.nameFa, region.nameEn] : [region.nameEn, region.nameFa];
    return names[0] || names[1] || id;
  }
  // A region in a table or heading: its name, isolated (a Latin name keeps its place in a Persian
  // line), the code its tooltip; the code alone, as an identifier, when the catalogue has no name.
  function regionText(id) {
    var name = regionName(id);
    if (name === id) { return code(id); }
    var node = el('bdi', 'region-name', name);
    node.title = id;
    return node;
  }
  // Region codes in the order of their names in the page's language, the code breaking ties.
  function byRegionName(a, b) { return regionName(a).localeCompare(regionName(b), locale()) || (a < b ? -1 : 1); }
  // Select choices for these region codes: all regions first, then each by name.
  function regionOptions(regions) {
    return [['', t('allRegions')]].concat(regions.map(function (r) { return [r, regionName(r)]; }));
  }
  // Every row of a table route, following nextCursor (a map needs every judged month, not a page).
  function allRows(path, field) {
    var rows = [];
    function page(cursor, left) {
      return api(path + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '')).then(function (body) {
        rows = rows.concat(body[field] || []);
        return body.nextCursor && left > 1 ? page(body.nextCursor, left - 1) : rows;
      });
    }
    return page(null, 50);
  }

  // ---- CSV: each table as it is shown, its rows and columns, its cells' text ----
  // A column without a heading holds buttons and is left out; a list in a cell is joined with
  // "; "; a withheld value keeps the dash the table shows. A field that a spreadsheet would run as
  // a formula is written with a leading apostrophe. UTF-8 with a byte-order mark, so that a
  // spreadsheet reads Persian text as such.
  function tableCsv(node) {
    var headers = Array.prototype.map.call(node.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var kept = [];
    headers.forEach(function (header, index) { if (header) { kept.push(index); } });
    var lines = [kept.map(function (index) { return headers[index]; })];
    Array.prototype.forEach.call(node.querySelectorAll('tbody tr'), function (row) {
      var cells = row.querySelectorAll('td');
      lines.push(kept.map(function (index) { return cells[index] ? cellText(cells[index]) : ''; }));
    });
    return '\uFEFF' + lines.map(function (line) { return line.map(csvField).join(','); }).join('\r\n') + '\r\n';
  }
  function cellText(cell) {
    var items = cell.querySelectorAll('li');
    if (items.length) {
      return Array.prototype.map.call(items, function (item) { return item.textContent.trim(); }).join('; ');
    }
    return cell.textContent.trim();
  }
  function csvField(text) {
    var value = /^[=+\-@\t\r]/.test(text) && !/^-?[\d.,]+$/.test(text) ? "'" + text : text;
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }
  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    save(name, url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }
  // Saves the file at `url` (a blob: or data: address made in the page) under `name`.
  function save(name, url) {
    var link = el('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  // The file name of what the view shows: rishe, the table or chart, the view's filters.
  function fileName(what, extension) {
    var parts = ['rishe', what];
    (has(FILTERS, state.page) ? FILTERS[state.page] : []).forEach(function (name) {
      if (state.filters[name]) { parts.push(state.filters[name]); }
    });
    return parts.join('-').replace(/[^A-Za-z0-9_.-]/g, '_') + '.' + extension;
  }
  // Each chart's Save as PNG button shows while its chart does and saves it as drawn (at twice
  // its size, on white), from ECharts' getDataURL; its accessible name names the chart.
  function pngButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('button.png'), function (button) {
      pngButton(button, $(button.getAttribute('data-chart')));
    });
  }
  function pngButton(button, node) {
    function update() { button.hidden = node.hidden; }
    new MutationObserver(update).observe(node, { attributes: true, attributeFilter: ['hidden'] });
    update();
    button.addEventListener('click', function () {
      var instance = echarts.getInstanceByDom(node);
      if (!instance) { return; }
      save(fileName(node.id.replace(/-chart$/, ''), 'png'),
        instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
    });
  }
  // Each table's Download CSV button shows while its table has rows; the file is named after the
  // table and the view's filters.
  function csvButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('button.csv'), function (button) {
      var node = $(button.getAttribute('data-table'));
      function update() { button.hidden = node.hidden || node.querySelectorAll('tbody tr').length === 0; }
      new MutationObserver(update).observe(node, { childList: true, subtree: true, attributes: true });
      update();
      button.addEventListener('click', function () {
        download(fileName(node.id.replace(/-table$/, ''), 'csv'), tableCsv(node));
      });
    });
  }

  // ---- API access: the key comes from sessionStorage; errors carry the problem+json detail ----
  function apiKey() { return sessionStorage.getItem('rishe.key'); }

  function ApiError(status, detail) {
    this.status = status;
    this.detail = detail;
  }

  // ---- readiness: whether every answer asked for has been drawn ----
  // <html data-pending> is the number of API requests not yet answered and handled;
  // data-settled counts the moments it fell to 0, and data-settled-at is the last such moment
  // (performance.now(), in ms). An answer's handlers run as microtasks, before the timer that
  // counts it done, so a request they start is counted first, and the tables they fill are
  // filled; the moment is taken in the next animation frame, once ECharts has painted what
  // they set. The dashboard benchmark (bench/dashboard) times each view by it, the browser test
  // waits on it.
  var readiness = { pending: 0, settled: 0 };
  function tracked(promise) {
    readiness.pending += 1;
    document.documentElement.setAttribute('data-pending', readiness.pending);
    function done() {
      setTimeout(function () {
        readiness.pending -= 1;
        document.documentElement.setAttribute('data-pending', readiness.pending);
        if (readiness.pending === 0) { requestAnimationFrame(settle); }
      }, 0);
    }
    promise.then(done, done);
    return promise;
  }
  function settle() {
    if (readiness.pending !== 0) { return; }
    readiness.settled += 1;
    document.documentElement.setAttribute('data-settled-at', performance.now().toFixed(1));
    document.documentElement.setAttribute('data-settled', readiness.settled);
  }

  // A GET, or with `post` a POST with those extra headers (and `body`, if given, as JSON).
  function api(path, post, body) {
    var headers = { Authorization: 'Bearer ' + apiKey(), Accept: 'application/json' };
    Object.keys(post || {}).forEach(function (name) { headers[name] = post[name]; });
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return tracked(fetch(path, {
      method: post ? 'POST' : 'GET', headers: headers, body: body === undefined ? undefined : JSON.stringify(body)
    })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.status === 401) { askForKey(t('badKey')); }
          throw new ApiError(response.status, body.detail || body.title || response.statusText);
        });
      }, function () { throw new ApiError(0, null); }));
  }

  // The answer to the latest request of its kind only: an earlier one that arrives after it (a
  // filter changed again, back pressed quickly) is never shown.
  var latestRequests = {};
  function latest(name, promise) {
    var token = latestRequests[name] = {};
    function superseded() { return latestRequests[name] !== token; }
    return promise.then(function (value) {
      return superseded() ? new Promise(function () {}) : value;
    }, function (error) {
      if (superseded()) { return new Promise(function () {}); }
      throw error;
    });
  }

  function describe(error) {
    if (!(error instanceof ApiError)) { return t('failed') + ': ' + error; }
    var prefix = error.status === 0 ? t('network')
      : error.status === 404 || error.status === 503 ? t('notAvailable')
      : error.status === 403 ? t('forbidden')
      : error.status === 401 ? t('badKey') : t('failed') + ' (' + number(error.status, 0) + ')';
    // a 403 is the page's mistake, not the user's: never the server's words about roles
    return error.detail && error.status !== 403 ? prefix + ' — ' + error.detail : prefix;
  }

  function show(id, message) {
    var node = $(id);
    node.textContent = message || '';
    node.hidden = !message;
  }

  function failed(messageId, hideId) {
    return function (error) {
      show(messageId, describe(error));
      if (hideId) { $(hideId).hidden = true; }
    };
  }

  // ---- charts: created when their container is visible, so they get a real size ----
  function chart(id) {
    var node = $(id);
    node.hidden = false;
    var instance = echarts.getInstanceByDom(node) || echarts.init(node);
    // a tooltip still shown is hidden first: ECharts 5.6 would show it again after the redraw, from
    // a view the new option replaced (a TypeError in the console)
    instance.dispatchAction({ type: 'hideTip' });
    instance.resize();
    state.axisLabels[id] = [];
    return instance;
  }
  // An axis label formatter that records what it drew, so that the browser test can read the
  // labels of a canvas (in Persian they must have Persian digits).
  function axisLabel(id, format) {
    return {
      formatter: function (value) {
        var text = format(value);
        (state.axisLabels[id] = state.axisLabels[id] || []).push(text);
        return text;
      }
    };
  }
  function numberAxis(id) { return axisLabel(id, function (value) { return number(value, 2); }); }
  // tooltips are HTML: everything from the API is escaped, and no inline style (the CSP refuses it)
  function tooltipLines(lines) {
    return lines.map(function (line) { return echarts.format.encodeHTML(line); }).join('<br>');
  }
  // Every chart is described to screen readers: ECharts' aria option writes the description as
  // the aria-label of the chart's container (role="img"); a table beside each chart holds its
  // numbers.
  function aria(description) { return { enabled: true, label: { description: description } }; }
  // A reader who asked the system for less motion (prefers-reduced-motion) gets every chart drawn
  // at once: no growing bars or lines, and the causal graph's layout settled before it is shown.
  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  }
  // An option given to setOption with what the reader's motion preference says.
  function motion(option) {
    option.animation = !reducedMotion();
    return option;
  }
  // A translated sentence whose {name}s are filled with text.
  function fill(name, values) {
    return t(name).replace(/\{([a-z]+)\}/g, function (slot, key) { return values[key]; });
  }

  // ---- leadership ----
  // The key figures, the trend and the emerging problems obey the region and period filters; the
  // impact chart the programme filter.
  function loadLeadership() {
    $('period-from').value = state.filters.from || '';
    $('period-to').value = state.filters.to || '';
    markPreset();
    Promise.all([regionList(), regionCatalogue()]).then(function (answers) {
      options($('leadership-region'), regionOptions(answers[0]), '');
      choose($('leadership-region'), 'region', '');
      loadFigures();
    });
    loadImpact();
    loadOccasions();
  }

  function loadFigures() {
    var period = state.filters.from || state.filters.to
      ? month(state.filters.from || state.filters.to, 'gregorian') + ' – ' + month(state.filters.to || state.filters.from, 'gregorian')
      : t('allMonths');
    $('report-period').textContent = t('reportPeriod') + ': ' + period + ' · ' + t('region') + ': '
      + (state.filters.region ? regionName(state.filters.region) : t('allRegions'));
    latest('summary', api('/api/v1/dashboard/summary?calendar=' + calendar() + filterQuery(state.jalali))).then(function (body) {
      show('kpis-message', null);
      kpiCards($('kpis'), body.kpis, 'kpi-', true);
    }, function (error) { clear($('kpis')); show('kpis-message', describe(error)); });
    loadTrend();
    loadProblemLabels().then(loadHotspots, loadHotspots);
    loadMap();
  }

  // The key figures as cards, each id `prefix` + its name; with `linked`, a figure with a trend is
  // a link to it.
  function kpiCards(container, kpis, prefix, linked) {
    var cards = clear(container);
    KPIS.forEach(function (name) {
      var card = linked && TREND_METRICS.indexOf(name) >= 0 ? trendLink(name) : el('div', 'card');
      card.id = prefix + name;
      var value = kpis[name];
      card.appendChild(el('div', 'value', SHARES.indexOf(name) >= 0 ? percent(value) : number(value)));
      card.appendChild(el('div', 'label', t(name)));
      cards.appendChild(card);
    });
  }

  // A key figure with a trend is a link to it: the trend shows that measure, the address says so.
  function trendLink(name) {
    var metric = name === TREND_METRICS[0] ? '' : name;
    var link = el('a', 'card');
    link.href = viewUrl('leadership', Object.assign({}, state.filters, { metric: metric }), state.urlLang ? state.lang : null);
    link.title = t('showTrend');
    link.addEventListener('click', function (event) {
      event.preventDefault();
      setFilter('metric', metric);
      loadTrend();
      $('trend-chart').scrollIntoView({ block: 'center' });
    });
    return link;
  }

  function loadTrend() {
    var select = $('trend-metric');
    var chosen = state.filters.metric || TREND_METRICS[0];
    clear(select);
    TREND_METRICS.forEach(function (name) {
      var option = el('option', null, t(name));
      option.value = name;
      select.appendChild(option);
    });
    select.value = chosen;
    latest('trend', api('/api/v1/dashboard/trends?by=month&limit=1000&metric=' + encodeURIComponent(chosen) +
      '&calendar=' + calendar() + filterQuery(state.jalali)))
      .then(function (body) {
        show('trend-message', null);
        drawTrend('trend-chart', 'trend-table', body, chosen);
      }, function (error) { clear($('trend-table')); failed('trend-message', 'trend-chart')(error); });
  }

  // A measure's monthly points as a line chart `id`, and in the table `tableId`.
  function drawTrend(id, tableId, body, chosen) {
    var periods = body.points.map(function (p) { return p.period; });
    var name = t(chosen);
    var monthOf = function (period) { return month(period, body.calendar || calendar()); };
    table($(tableId), [t('period'), name], body.points.map(function (p) { return [monthOf(p.period), number(p.value)]; }));
    chart(id).setOption(motion({
      aria: aria(periods.length === 0 ? t('noData') : fill('trendDescription', {
        measure: name, first: monthOf(periods[0]), last: monthOf(periods[periods.length - 1])
      })),
      tooltip: {
        trigger: 'axis', className: 'chart-tooltip',
        formatter: function (items) {
          return tooltipLines([month(periods[items[0].dataIndex], body.calendar || calendar()),
            name + ': ' + number(items[0].value)]);
        }
      },
      grid: { left: 50, right: 50, top: 20, bottom: 40 },
      xAxis: {
        type: 'category', data: periods, inverse: state.lang === 'fa',
        axisLabel: axisLabel(id, function (period) { return month(period, body.calendar || calendar()); })
      },
      yAxis: { type: 'value', position: state.lang === 'fa' ? 'right' : 'left', axisLabel: numberAxis(id) },
      series: [{ name: name, type: 'line', smooth: true, data: body.points.map(function (p) { return p.value; }) }]
    }), true);
  }

  function loadImpact() {
    latest('impact', api('/api/v1/programs?limit=1000').then(function (body) {
      var all = body.programs || [];
      var select = $('leadership-program');
      options(select, [['', t('allPrograms')]].concat(all.map(function (program) {
        var id = programId(program);
        return [id, program.label || program.name || id];
      })), '');
      var chosen = choose(select, 'program', '');
      var programs = chosen ? all.filter(function (program) { return programId(program) === chosen; }) : all;
      return Promise.all(programs.map(function (program) {
        var id = programId(program);
        return api('/api/v1/programs/' + encodeURIComponent(id) + '/impact?lang=' + state.lang).then(function (impact) {
          var name = program.label || program.name || id;
          return {
            rows: (impact.outcomes || []).map(function (outcome) {
              return {
                name: name + ' · ' + (outcome.label || outcome.outcome || ''), outcome: outcome, program: id, programName: name
              };
            }),
            // why an outcome has no estimate, in the server's words (small counts already withheld)
            gaps: (impact.notEstimated || []).map(function (gap) {
              return name + (gap.outcome ? ' · ' + (gap.label || gap.outcome) : '') + ': ' + gap.text;
            })
          };
        });
      }));
    })).then(function (groups) {
      var rows = [].concat.apply([], groups.map(function (group) { return group.rows; }))
        .filter(function (row) { return row.outcome.estimate; });
      renderImpactGaps([].concat.apply([], groups.map(function (group) { return group.gaps; })));
      state.impactRows = rows;
      showImpact();
    }, function (error) {
      clear($('impact-table'));
      renderImpact([]);
      show('impact-message', describe(error));
    });
  }

  // The estimates loaded, in the order chosen (sort=), as the charts and the table under them.
  function showImpact() {
    var rows = state.impactRows || [];
    var select = $('impact-sort');
    options(select, [['', t('orderListed')], ['estimate', t('orderEstimate')], ['n', t('orderSample')]], '');
    choose(select, 'sort', '');
    var sorted = sortImpact(rows, state.filters.sort);
    renderImpactTable(sorted);
    show('impact-message', rows.length === 0 ? t('noData') : null);
    renderImpact(sorted);
  }

  // Risk differences before score points (effects on different scales are never compared), and
  // within a scale largest effect first, or largest sample (enrolled and comparison) first, or
  // as listed.
  function sortImpact(rows, order) {
    function scale(row) { return row.outcome.outcomeType === 'mean_difference' ? 1 : 0; }
    function size(row) { return (row.outcome.treated || 0) + (row.outcome.controls || 0); }
    function effect(row) { return row.outcome.estimate.estimate; }
    return rows.map(function (row, index) { return { row: row, index: index }; }).sort(function (a, b) {
      var byOrder = order === 'n' ? size(b.row) - size(a.row) : order === 'estimate' ? effect(b.row) - effect(a.row) : 0;
      return scale(a.row) - scale(b.row) || byOrder || a.index - b.index;
    }).map(function (item) { return item.row; });
  }

  // The estimates the chart draws, as a table: each programme's name opens its impact page.
  function renderImpactTable(rows) {
    table($('impact-table'), [t('program'), t('outcome'), t('scale'), t('estimate'), t('method'), t('nEnrolled'),
      t('nComparison')], rows.map(function (row) {
      var outcome = row.outcome;
      return [programLink(row.program, row.programName), indicatorName(outcome.outcome || '–', outcome.label),
        term('outcomeType', outcome.outcomeType), interval(outcome.estimate), term('method', outcome.method),
        number(outcome.treated, 0), number(outcome.controls, 0)];
    }));
    $('impact-table').hidden = rows.length === 0;
  }

  function programUrl(id) { return viewUrl('program', { id: id }, state.urlLang ? state.lang : null); }
  function programLink(id, name) {
    var link = el('a', 'drill');
    link.href = programUrl(id);
    link.title = t('openProgram');
    link.textContent = name || id;
    return link;
  }

  // ---- one programme's impact: every method's estimate, the sample sizes, covariate balance ----
  function loadProgram() {
    var id = state.filters.id;
    var title = clear($('program-title'));
    var facts = clear($('program-facts'));
    // the charts of the outcomes shown before are let go with their nodes
    Array.prototype.forEach.call($('program-outcomes').querySelectorAll('.chart'), function (node) {
      var instance = echarts.getInstanceByDom(node);
      if (instance) { instance.dispose(); }
    });
    var outcomes = clear($('program-outcomes'));
    renderGaps('program-gaps', []);
    if (!id) { show('program-message', t('noData')); return; }
    title.appendChild(code(id));
    // the problem labels name the programme's target problem in the page's language
    latest('program', Promise.all([api('/api/v1/programs/' + encodeURIComponent(id) + '/impact?lang=' + state.lang),
      loadProblemLabels().catch(function () { return []; })])).then(function (answers) {
      var body = answers[0];
      var program = body.program || {};
      show('program-message', (body.outcomes || []).length ? null : t('noEstimate'));
      // isolated, so that a Latin name keeps its place after the code in a Persian line
      title.appendChild(document.createTextNode(' · '));
      title.appendChild(el('bdi', null, program.name || id));
      [['kindOfProgram', program.kind ? term('programKind', program.kind) : '–'],
        ['targetProblem', program.targetProblem ? label(program.targetProblem) : '–'],
        ['programParticipants', number(program.participants, 0)],
        ['costPerParticipant', number(program.costPerParticipant, 2)]].forEach(function (fact) {
        facts.appendChild(el('dt', null, t(fact[0])));
        facts.appendChild(el('dd', null, fact[1]));
      });
      (body.outcomes || []).forEach(function (outcome, index) {
        var section = outcomes.appendChild(programOutcome(outcome));
        drawMethods(section.querySelector('.chart'), 'program-' + index + '-chart', outcome);
      });
      renderGaps('program-gaps', (body.notEstimated || []).map(function (gap) {
        return (gap.outcome ? (gap.label || gap.outcome) + ': ' : '') + gap.text;
      }));
    }, function (error) { show('program-message', describe(error)); });
  }

  // An outcome's estimates by method, each a point with its 95% interval, headline method first;
  // the same numbers are in the table under it. Hidden when every estimate is withheld.
  function drawMethods(node, id, outcome) {
    var methods = (outcome.methods || []).filter(function (m) { return m.estimate && m.estimate.estimate !== null; });
    methods.sort(function (a, b) { return (b.method === outcome.method) - (a.method === outcome.method); });
    node.id = id;
    if (methods.length === 0) { node.hidden = true; return; }
    var names = methods.map(function (m) { return term('method', m.method); });
    chart(id).setOption(motion({
      aria: aria(fill('methodsDescription', { outcome: outcome.label || outcome.outcome, count: number(methods.length, 0) })),
      grid: { left: 50, right: 50, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: names, inverse: state.lang === 'fa', axisLabel: axisLabel(id, String) },
      yAxis: { type: 'value', position: state.lang === 'fa' ? 'right' : 'left', axisLabel: numberAxis(id) },
      series: [
        { type: 'scatter', symbolSize: 10, z: 11, itemStyle: { color: '#1f6f8b' }, data: methods.map(function (m) { return m.estimate.estimate; }) },
        whiskerSeries(methods.map(function (m, index) { return [index, m.estimate.low, m.estimate.high]; }))
      ]
    }), true);
  }

  // One outcome: its scale, the sample sizes, each method's estimate (the headline's first, marked),
  // the cost per outcome, and the covariates' standardised mean differences before and after, with
  // in how many propensity strata each is still unbalanced ('–' from a run that did not say).
  function programOutcome(outcome) {
    var section = el('section', 'outcome');
    section.setAttribute('data-outcome', outcome.outcome);
    var heading = section.appendChild(el('h3'));
    heading.appendChild(indicatorName(outcome.outcome, outcome.label));
    heading.appendChild(document.createTextNode(' · ' + term('outcomeType', outcome.outcomeType)));
    var sizes = t('sampleSize') + ' = ' + number(outcome.treated, 0) + ' ' + t('enrolled') + t('listSeparator')
      + number(outcome.controls, 0) + ' ' + t('comparison');
    if (outcome.trimmedControls) { sizes += ' (' + number(outcome.trimmedControls, 0) + ' ' + t('trimmed') + ')'; }
    section.appendChild(el('p', 'sizes', sizes));
    var holder = section.appendChild(el('div', 'chart short'));
    holder.setAttribute('role', 'img');
    var button = section.appendChild(el('button', 'png', t('savePng')));
    button.type = 'button';
    button.setAttribute('aria-label', t('savePng') + ': ' + (outcome.label || outcome.outcome));
    pngButton(button, holder);
    var methods = section.appendChild(el('table', 'table methods'));
    var headline = (outcome.methods || []).filter(function (m) { return m.method === outcome.method; });
    var others = (outcome.methods || []).filter(function (m) { return m.method !== outcome.method; });
    table(methods, [t('method'), t('estimate'), t('nEnrolled'), t('nComparison')],
      headline.concat(others).map(function (m) {
        var name = el('span', null, term('method', m.method));
        if (m.method === outcome.method) { name.appendChild(el('span', 'badge', t('headline'))); }
        return [name, interval(m.estimate), number(outcome.treated, 0), number(outcome.controls, 0)];
      }));
    if (outcome.costPerOutcome) {
      section.appendChild(el('p', 'cost', t('costPerOutcome') + ': ' + interval(outcome.costPerOutcome)));
    }
    if ((outcome.balance || []).length) {
      section.appendChild(el('h4', null, t('balance')));
      table(section.appendChild(el('table', 'table balance')), [t('covariate'), t('smdBefore'), t('smdAfter'), t('unbalancedStrata')],
        outcome.balance.map(function (b) {
          return [indicatorName(b.covariate, b.label), number(b.before, 2), number(b.after, 2), unbalancedStrata(b)];
        }));
    }
    return section;
  }

  // A covariate's strata still unbalanced out of its estimate's strata ("2 of 6").
  function unbalancedStrata(balance) {
    if (balance.strata === null || balance.strata === undefined || balance.unbalancedStrata === null
      || balance.unbalancedStrata === undefined) { return '–'; }
    return fill('unbalancedOf', { count: number(balance.unbalancedStrata, 0), strata: number(balance.strata, 0) });
  }

  function programId(program) { return program.id || program.programId || program.code; }
  // An outcome or covariate by its catalogue label in the page's language (the server's), the code
  // its tooltip; the code, as an identifier, where the catalogue has no label (age, sex).
  function indicatorName(id, name) {
    if (!name) { return code(id); }
    var node = el('bdi', null, name);
    node.title = id;
    return node;
  }

  function renderImpactGaps(gaps) { renderGaps('impact-gaps', gaps); }
  // Why outcomes have no estimate, under a heading, in the list `id`; hidden when there is none.
  function renderGaps(id, gaps) {
    var list = $(id);
    list.textContent = '';
    list.hidden = gaps.length === 0;
    if (gaps.length === 0) { return; }
    var heading = document.createElement('li');
    heading.className = 'heading';
    heading.textContent = t('notEstimated');
    list.appendChild(heading);
    gaps.forEach(function (gap) {
      var item = document.createElement('li');
      item.textContent = gap;
      list.appendChild(item);
    });
  }

  // One chart per outcome scale, so that a risk difference (a share of people) is never drawn
  // against score points: risk differences and any other scale in impact-chart, score points
  // (mean differences) in impact-score-chart; a scale without estimates is hidden.
  function renderImpact(rows) {
    var scores = rows.filter(function (row) { return row.outcome.outcomeType === 'mean_difference'; });
    var risks = rows.filter(function (row) { return row.outcome.outcomeType !== 'mean_difference'; });
    [['impact-chart', 'impact-risk', risks, 'risk_difference'], ['impact-score-chart', 'impact-score', scores, 'mean_difference']]
      .forEach(function (scale) {
        $(scale[1]).hidden = scale[2].length === 0;
        if (scale[2].length) { drawImpact(scale[0], scale[2], scale[3]); } else { $(scale[0]).hidden = true; }
      });
  }

  // A scale's estimates as bars with their 95% intervals, each labelled with its n; a
  // programme's bar opens its impact page.
  function drawImpact(id, rows, scale) {
    var whiskers = rows.map(function (row, index) { return [index, row.outcome.estimate.low, row.outcome.estimate.high]; });
    var instance = chart(id);
    instance.off('click');
    instance.on('click', function (item) {
      var program = rows[item.dataIndex] && rows[item.dataIndex].program;
      if (item.seriesIndex === 0 && program) { location.hash = programUrl(program); }
    });
    instance.setOption(motion({
      aria: aria(fill('impactDescription', { count: number(rows.length, 0), scale: term('outcomeType', scale) })),
      // confined: an item's tooltip outside the chart gets an arrow styled inline, which the CSP refuses
      tooltip: {
        trigger: 'item', className: 'chart-tooltip', confine: true,
        formatter: function (item) {
          // the tooltip is HTML: escape the names that come from the API
          var outcome = rows[item.dataIndex].outcome;
          return tooltipLines([rows[item.dataIndex].name, t('estimate') + ': ' + interval(outcome.estimate),
            t('method') + ': ' + term('method', outcome.method),
            t('sampleSize') + ' = ' + number(outcome.treated, 0) + ' ' + t('enrolled') + ', '
              + number(outcome.controls, 0) + ' ' + t('comparison'),
            t('naiveDifference') + ': ' + number(outcome.naiveDifference, 2)]);
        }
      },
      grid: { left: 50, right: 50, top: 20, bottom: 100 },
      xAxis: {
        type: 'category', data: rows.map(function (row) { return row.name; }), inverse: state.lang === 'fa',
        // the name, and under it n: enrolled / comparison
        axisLabel: Object.assign(axisLabel(id, function (name) {
          var outcome = (rows.filter(function (row) { return row.name === name; })[0] || {}).outcome || {};
          return name + '\n' + t('sampleSize') + ' = ' + number(outcome.treated, 0) + ' / ' + number(outcome.controls, 0);
        }), { rotate: rows.length > 3 ? 20 : 0 })
      },
      yAxis: { type: 'value', position: state.lang === 'fa' ? 'right' : 'left', axisLabel: numberAxis(id) },
      series: [
        { type: 'bar', data: rows.map(function (row) { return row.outcome.estimate.estimate; }), itemStyle: { color: '#1f6f8b' } },
        whiskerSeries(whiskers)
      ]
    }), true);
  }

  // Each [index, low, high] as an error bar: a vertical line with caps at low and high, encoded on
  // both bounds so that the value axis reaches the interval's ends.
  function whiskerSeries(whiskers) {
    return {
      type: 'custom', data: whiskers, z: 10, encode: { x: 0, y: [1, 2] },
      renderItem: function (params, api) {
        var low = api.coord([api.value(0), api.value(1)]);
        var high = api.coord([api.value(0), api.value(2)]);
        var half = api.size([1, 0])[0] * 0.12;
        var style = { stroke: '#1d2733', lineWidth: 1.5 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
            { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
            { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
          ]
        };
      }
    };
  }

  function loadProblemLabels() {
    return api('/api/v1/problems?limit=1000&lang=' + state.lang).then(function (body) {
      state.problemLabels = {};
      body.problems.forEach(function (problem) { state.problemLabels[problem.code] = problem.label || problem.code; });
      return body.problems;
    });
  }
  // A code's label in the page's language: from the causal graph's nodes, then the problems.
  function label(id) { return state.nodeLabels[id] || state.problemLabels[id] || id; }
  // An identifier (a region, a donation, a programme code) shown as it is written elsewhere:
  // isolated, left to right, its digits Latin (they name, they do not count).
  function code(text) {
    var node = el('bdi', 'code', text);
    node.dir = 'ltr';
    return node;
  }

  function table(node, headers, rows) {
    clear(node);
    var head = el('tr');
    headers.forEach(function (header) { head.appendChild(el('th', null, header)); });
    node.appendChild(el('thead')).appendChild(head);
    var body = node.appendChild(el('tbody'));
    rows.forEach(function (cells) {
      var row = body.appendChild(el('tr'));
      cells.forEach(function (cell) {
        var td = row.appendChild(el('td'));
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
      });
    });
  }

  // The flagged months in the region and period chosen; a month's region and problem each open
  // the planner view on that problem in that region (its root causes there).
  function loadHotspots() {
    latest('hotspots', api('/api/v1/hotspots?limit=1000' + filterQuery(false))).then(function (body) {
      show('hotspots-message', body.hotspots.length === 0 ? t('noData') : null);
      table($('hotspots-table'), [t('region'), t('problem'), t('period'), t('observed'), t('expected'), t('score')],
        body.hotspots.map(function (h) {
          var href = viewUrl('planner', { problem: h.problem, region: h.region }, state.urlLang ? state.lang : null);
          // the months are Gregorian: in the Jalali calendar, the two Jalali months each spans
          return [drillDown(href, regionText(h.region)), drillDown(href, label(h.problem)), month(h.period, 'gregorian'),
            number(h.observed, 0), number(h.expected), number(h.score)];
        }));
    }, function (error) { clear($('hotspots-table')); show('hotspots-message', describe(error)); });
  }

  function drillDown(href, content) {
    var link = el('a', 'drill');
    link.href = href;
    link.title = t('drillDown');
    link.appendChild(content instanceof Node ? content : document.createTextNode(content));
    return link;
  }

  // ---- the regions on a map: each region's highest hotspot score in the period ----
  // Every judged month (all=true) of the period, all regions: per region the highest score, the
  // months flagged and the cases in the months judged. The catalogue's outlines are registered as
  // an ECharts map (no tiles, nothing from another host); a region without an outline is only in
  // the table under the map, and without any outline there is only the table. A region, on the
  // map or in the table, opens its page with the period.
  function loadMap() {
    latest('map', Promise.all([mapRows(), regionCatalogue()])).then(function (answers) {
      var byRegion = {};
      answers[0].forEach(function (h) {
        var region = byRegion[h.region] = byRegion[h.region] || { score: null, flagged: 0, observed: 0 };
        if (h.score !== null && (region.score === null || h.score > region.score)) { region.score = h.score; }
        if (h.flagged) { region.flagged += 1; }
        region.observed += h.observed || 0;
      });
      var codes = Object.keys(byRegion);
      state.catalogue.list.forEach(function (region) {
        if (region.geometry && codes.indexOf(region.code) < 0) { codes.push(region.code); }
      });
      codes.sort(byRegionName);
      table($('map-table'), [t('region'), t('highestScore'), t('flaggedMonths'), t('casesJudged')], codes.map(function (id) {
        var row = byRegion[id] || { score: null, flagged: 0, observed: 0 };
        if (withoutData(id)) {
          // a region without a case of its own: named, greyed, not a link to an empty page
          var name = el('span', 'no-data');
          name.appendChild(regionText(id));
          name.title = t('noRegionData');
          return [name, t('noRegionData'), '–', '–'];
        }
        var link = el('a', 'drill');
        link.href = regionUrl(id);
        link.title = t('openRegion');
        link.appendChild(regionText(id));
        return [link, number(row.score, 2), number(row.flagged, 0), number(row.observed, 0)];
      }));
      $('map-table').hidden = codes.length === 0;
      var outlined = state.catalogue.list.filter(function (region) { return region.geometry; });
      show('map-message', codes.length === 0 ? t('noData') : outlined.length === 0 ? t('noMap') : null);
      if (outlined.length === 0) { $('region-map').hidden = true; return; }
      drawMap(outlined, byRegion);
    }, function (error) { clear($('map-table')); failed('map-message', 'region-map')(error); });
  }

  // Every judged month of the period, all regions: asked for a year of months at a time, all at
  // once, each year following its own pages. The years partition the period (the first open at its
  // start and the last at its end when the period is), so every month is asked for exactly once;
  // one request paging through them all took six round trips one after another at 100,000
  // families (bench/dashboard).
  function mapRows() {
    return dataSpan().then(function (span) {
      var from = state.filters.from || (span && span.first);
      var to = state.filters.to || (span && span.last);
      var years = [];
      for (var start = from; from && to && start <= to; start = addMonths(start, 12)) {
        var end = addMonths(start, 11);
        years.push([start === from ? state.filters.from : start, end >= to ? state.filters.to : end]);
      }
      if (years.length === 0) { years.push([state.filters.from, state.filters.to]); }
      return Promise.all(years.map(function (year) {
        var query = (year[0] ? '&from=' + year[0] : '') + (year[1] ? '&to=' + year[1] : '');
        return allRows('/api/v1/hotspots?all=true&limit=1000' + query, 'hotspots');
      }));
    }).then(function (years) { return [].concat.apply([], years); });
  }

  function drawMap(outlined, byRegion) {
    echarts.registerMap('rishe-regions', {
      type: 'FeatureCollection',
      features: outlined.map(function (region) {
        return { type: 'Feature', properties: { name: region.code }, geometry: region.geometry };
      })
    });
    var scores = outlined.map(function (region) { return (byRegion[region.code] || {}).score; })
      .filter(function (score) { return score !== null && score !== undefined; });
    var high = Math.max.apply(null, [1].concat(scores));
    var low = Math.min.apply(null, [0].concat(scores));
    var instance = chart('region-map');
    instance.off('click');
    instance.on('click', function (item) { if (item.name && !withoutData(item.name)) { location.hash = regionUrl(item.name); } });
    instance.setOption(motion({
      aria: aria(fill('mapDescription', { count: number(outlined.length, 0), low: number(low, 2), high: number(high, 2) })),
      tooltip: {
        trigger: 'item', className: 'chart-tooltip', confine: true,
        formatter: function (item) {
          var row = byRegion[item.name] || { score: null, flagged: 0 };
          if (withoutData(item.name)) { return tooltipLines([regionName(item.name), t('noRegionData')]); }
          return tooltipLines([regionName(item.name), t('highestScore') + ': ' + number(row.score, 2),
            t('flaggedMonths') + ': ' + number(row.flagged, 0)]);
        }
      },
      visualMap: {
        type: 'continuous', min: low, max: high, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#e8f1f4', '#1f6f8b', '#7a1f1f'] },
        // its ends, high then low, written after and before the bar
        text: [number(high, 1), number(low, 1)], textStyle: { color: '#1d2733' }
      },
      series: [{
        type: 'map', map: 'rishe-regions', roam: false, top: 10, bottom: 40, selectedMode: false,
        // dark text on a white halo: readable on the palest and the darkest region
        label: {
          show: true, formatter: function (item) { return regionName(item.name); },
          color: '#1d2733', textBorderColor: '#fff', textBorderWidth: 3, fontSize: 13
        },
        emphasis: { label: { show: true, color: '#000' }, itemStyle: { areaColor: '#f2c14e' } },
        itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#ccc' },
        data: outlined.map(function (region) {
          var row = byRegion[region.code];
          var item = { name: region.code, value: row && row.score !== null ? row.score : null };
          if (withoutData(region.code)) {
            // greyed, paler than a region with cases but no month judged, and not highlighted
            item.itemStyle = { areaColor: '#f1f1f1' };
            item.label = { color: '#8a8f98' };
            item.emphasis = { disabled: true };
          }
          return item;
        })
      }]
    }), true);
  }

  function regionUrl(id) {
    return viewUrl('region', { code: id, from: state.filters.from, to: state.filters.to }, state.urlLang ? state.lang : null);
  }

  // ---- one region's page: its key figures, trend and emerging problems for the period chosen ----
  function loadRegion() {
    var id = state.filters.code;
    var title = clear($('region-title'));
    clear($('region-kpis'));
    clear($('region-hotspots-table'));
    clear($('region-trend-table'));
    clear($('region-parent'));
    clear($('region-children-list'));
    $('region-children').hidden = true;
    if (!id) { show('region-message', t('noRegion')); $('region-trend-chart').hidden = true; return; }
    show('region-message', null);
    var period = state.filters.from || state.filters.to
      ? month(state.filters.from || state.filters.to, 'gregorian') + ' – ' + month(state.filters.to || state.filters.from, 'gregorian')
      : t('allMonths');
    $('region-period').textContent = t('regionPeriod') + ': ' + period;
    regionCatalogue().then(function () {
      clear(title);
      title.appendChild(regionText(id));
      if (regionName(id) !== id) {
        title.appendChild(document.createTextNode(' · '));
        title.appendChild(code(id));
      }
      var region = state.catalogue.byCode[id];
      if (region && region.parent) {
        var parent = $('region-parent');
        parent.appendChild(document.createTextNode(t('partOf') + ': '));
        parent.appendChild(drillDown(regionUrl(region.parent), regionText(region.parent)));
      }
      regionChildren(id);
    });
    // a region without published rows of its own (a zone that only holds regions, say) is not
    // asked for: the API refuses a region it has no data of, and the page says so instead
    regionList().then(function (withData) {
      if (state.filters.code !== id) { return; }
      if (withData.length > 0 && withData.indexOf(id) < 0) {
        show('region-message', t('noOwnRows'));
        show('region-trend-message', null);
        $('region-trend-chart').hidden = true;
        show('region-hotspots-message', t('noData'));
        return;
      }
      regionFigures(id);
    });
  }

  // The region's own key figures, trend and emerging problems for the period chosen.
  function regionFigures(id) {
    latest('region-summary', api('/api/v1/dashboard/summary?calendar=' + calendar() + filterQuery(state.jalali, id)))
      .then(function (body) { kpiCards($('region-kpis'), body.kpis, 'region-kpi-', false); },
        function (error) { show('region-message', describe(error)); });
    latest('region-trend', api('/api/v1/dashboard/trends?by=month&limit=1000&metric=' + TREND_METRICS[0] +
      '&calendar=' + calendar() + filterQuery(state.jalali, id))).then(function (body) {
      show('region-trend-message', null);
      drawTrend('region-trend-chart', 'region-trend-table', body, TREND_METRICS[0]);
    }, function (error) { failed('region-trend-message', 'region-trend-chart')(error); });
    latest('region-hotspots', Promise.all([api('/api/v1/hotspots?limit=1000' + filterQuery(false, id)),
      loadProblemLabels().catch(function () { return []; })])).then(function (answers) {
      var hotspots = answers[0].hotspots;
      show('region-hotspots-message', hotspots.length === 0 ? t('noData') : null);
      table($('region-hotspots-table'), [t('problem'), t('period'), t('observed'), t('expected'), t('score')],
        hotspots.map(function (h) {
          var href = viewUrl('planner', { problem: h.problem, region: h.region }, state.urlLang ? state.lang : null);
          return [drillDown(href, label(h.problem)), month(h.period, 'gregorian'), number(h.observed, 0),
            number(h.expected), number(h.score)];
        }));
      $('region-hotspots-table').hidden = hotspots.length === 0;
    }, function (error) { show('region-hotspots-message', describe(error)); });
  }

  // The regions the catalogue places within this one, each linked to its page, by name. Their
  // figures are not added up here: the API serves each region's own rows, each protected on its
  // own, and a sum made in the page could give back a count the API withholds.
  function regionChildren(id) {
    var children = state.catalogue.list.filter(function (region) { return region.parent === id; })
      .map(function (region) { return region.code; });
    children.sort(byRegionName);
    var list = clear($('region-children-list'));
    children.forEach(function (child) {
      list.appendChild(el('li')).appendChild(drillDown(regionUrl(child), regionText(child)));
    });
    $('region-children').hidden = children.length === 0;
  }

  // Giving by occasion: the latest year's windows, each measure's rate ratio with its interval and
  // the number it rests on (events for counts, donors for amounts).
  function loadOccasions() {
    api('/api/v1/occasions?limit=1000&lang=' + state.lang).then(function (body) {
      var latest = body.occasions.reduce(function (year, o) { return Math.max(year, o.year); }, 0);
      var rows = body.occasions.filter(function (o) { return o.year === latest; });
      show('occasions-message', rows.length === 0 ? t('noData') : null);
      table($('occasions-table'), [t('occasion'), t('dates'), t('measure'), t('currency'), t('rateRatio'), t('sampleSize')],
        rows.map(function (o) {
          var n = o.donors !== null && o.measure === 'amount' ? o.donors : o.occasionEvents + o.comparisonEvents;
          return [o.name, date(o.startDate) + ' – ' + date(o.endDate), term('measure', o.measure),
            o.currency ? code(o.currency) : '–', interval(o.rateRatio), number(n, 0)];
        }));
    }, failed('occasions-message'));
  }

  // ---- planner ----
  function loadPlanner() {
    var problemSelect = $('problem-select');
    var regionSelect = $('region-select');
    loadProblemLabels().then(function (problems) {
      show('planner-message', null);
      options(problemSelect, problems.map(function (problem) { return [problem.code, problem.label || problem.code]; }),
        problems.length ? problems[0].code : '');
      choose(problemSelect, 'problem', problems.length ? problems[0].code : '');
      return Promise.all([regionList(), regionCatalogue()]);
    }).then(function (answers) {
      options(regionSelect, regionOptions(answers[0]), '');
      choose(regionSelect, 'region', '');
      loadRootCauses();
    }, failed('planner-message'));
    loadGraph();
  }

  function loadRootCauses() {
    var problem = $('problem-select').value;
    if (!problem) { show('root-causes-message', t('chooseProblem')); return; }
    var region = $('region-select').value;
    var query = '?limit=1000&problem=' + encodeURIComponent(problem) + (region ? '&region=' + encodeURIComponent(region) : '');
    latest('root-causes', Promise.all([api('/api/v1/root-causes' + query + '&lang=' + state.lang), graphInfo()])).then(function (answers) {
      var factors = answers[0].factors || [];
      show('root-causes-message', factors.length === 0 ? t('noData') : null);
      table($('root-causes-table'),
        [t('rank'), t('factor'), t('relativeRisk'), t('adjustedOddsRatio'), t('totalEffect'), t('attributableFraction'), t('totalQ'), t('evidence'), t('exposedCases')],
        factors.map(function (f, index) {
          var evidence = el('span', 'badge ' + codeKey(f.evidence || ''), term('evidence', f.evidence));
          // a factor the run's catalogue does not label comes back as its code: the graph may name it
          var name = f.label && f.label !== f.factor ? f.label : label(f.factor);
          return [number(index + 1, 0), name, interval(f.relativeRisk),
            interval(f.adjustedOddsRatio || f.oddsRatio),
            interval(f.totalEffect ? f.totalEffect.riskRatio : null), interval(f.attributableFraction),
            // the grade rests on the total effect's q (Benjamini-Hochberg over its Wald tests)
            number(f.totalEffect ? f.totalEffect.q : null, 3), evidence, number(f.exposedCases, 0)];
        }));
    }, function (error) { clear($('root-causes-table')); show('root-causes-message', describe(error)); });
    latest('chains', Promise.all([api('/api/v1/root-causes/' + encodeURIComponent(problem) + '/chains?limit=1000'), graphInfo()]))
      .then(function (answers) { renderChains(answers[0].chains || [], answers[1].undirected); },
        function (error) { clear($('chains-list')); show('chains-help', null); show('chains-message', describe(error)); });
  }

  // What the chains and the factors need of the causal graph: the links it leaves undirected, as
  // "from|to" in both directions, and the labels of its nodes (kept in state.nodeLabels). Both
  // are empty when the graph could not be read (a possible chain then keeps its badge, its links
  // drawn as arrows; codes are shown as they are).
  function graphInfo() {
    return (state.graph || Promise.reject(null)).then(function (graph) {
      var links = {};
      (graph.edges || []).forEach(function (edge) {
        if (edge.directed === false) { links[edge.from + '|' + edge.to] = true; links[edge.to + '|' + edge.from] = true; }
      });
      return { undirected: links };
    }, function () { return { undirected: {} }; });
  }

  function renderChains(chains, undirected) {
    show('chains-message', chains.length === 0 ? t('noData') : null);
    var list = clear($('chains-list'));
    var arrow = state.lang === 'fa' ? ' ← ' : ' → ';
    chains.forEach(function (chain) {
      var possible = chain.directed === false;
      var item = el('li', possible ? 'possible' : null);
      var path = item.appendChild(el('span', 'path'));
      var steps = Array.isArray(chain) ? chain : (chain.path || chain.nodes || chain.steps || []);
      var previous = null;
      steps.forEach(function (step) {
        var id = typeof step === 'string' ? step : (step.id || step.factor || step.node);
        if (previous !== null) {
          var open = possible && undirected[previous + '|' + id];
          var link = path.appendChild(el('span', open ? 'link undirected' : 'link', open ? ' — ' : arrow));
          if (open) { link.title = t('undirectedLink'); }
        }
        // isolated, so that Latin codes in a Persian line keep the chain's order
        path.appendChild(el('bdi', 'node', (step && step.label) || label(id)));
        previous = id;
      });
      if (possible) {
        var badge = item.appendChild(el('span', 'badge possible', t('possible')));
        badge.title = t('possibleHelp');
        badge.setAttribute('aria-describedby', 'chains-help');
      }
      var parts = [effect('total', chain.total, chain.totalLow, chain.totalHigh),
        effect('direct', chain.direct, chain.directLow, chain.directHigh),
        effect('indirect', chain.indirect, chain.indirectLow, chain.indirectHigh)];
      if (chain.people !== null && chain.people !== undefined) { parts.push(t('sampleSize') + ' = ' + number(chain.people, 0)); }
      if (chain.families !== null && chain.families !== undefined) { parts.push(number(chain.families, 0) + ' ' + t('familiesCount')); }
      item.appendChild(el('div', 'effects', parts.join(' · ')));
      list.appendChild(item);
    });
    // A run's chains share one scale; runs from before the scale was named gave log-odds.
    var logOdds = chains.length > 0 && chains[0].effectScale !== 'risk difference';
    show('chains-help', chains.length === 0 ? null : t(logOdds ? 'chainsHelpLogOdds' : 'chainsHelp'));
  }

  function loadGraph() {
    state.nodeLabels = {};
    state.graph = api('/api/v1/causal-graph?limit=1000&lang=' + state.lang);
    state.graph.then(function (body) {
      (body.nodes || []).forEach(function (node) { if (node.label) { state.nodeLabels[node.id] = node.label; } });
      show('graph-message', (body.nodes || []).length === 0 ? t('noData') : null);
      renderGraph(body);
    }, failed('graph-message', 'graph-chart'));
  }

  function renderGraph(graph) {
    var kinds = [];
    (graph.nodes || []).forEach(function (node) { if (kinds.indexOf(node.kind) < 0) { kinds.push(node.kind); } });
    var names = {};
    (graph.nodes || []).forEach(function (node) { names[node.id] = node.label || label(node.id); });
    var arrow = state.lang === 'fa' ? ' ← ' : ' → ';
    var instance = chart('graph-chart');
    // a problem's node shows that problem's root causes (the problem filter)
    instance.off('click');
    instance.on('click', function (item) {
      if (item.dataType === 'node') { showProblem(item.data.id); }
    });
    graphNodes(graph, names, instance);
    table($('graph-table'), [t('from'), t('to'), t('direction'), t('stability')], (graph.edges || []).map(function (edge) {
      return [names[edge.from] || edge.from, names[edge.to] || edge.to, t(edge.directed ? 'directed' : 'undirected'),
        number(edge.stability, 2)];
    }));
    instance.setOption(motion({
      aria: aria(fill('graphDescription', { nodes: number((graph.nodes || []).length, 0), edges: number((graph.edges || []).length, 0) })),
      tooltip: {
        className: 'chart-tooltip', confine: true,
        formatter: function (item) {
          if (item.dataType !== 'edge') { return tooltipLines([item.name]); }
          var edge = item.data;
          return tooltipLines([names[edge.source] + (edge.directed ? arrow : ' — ') + names[edge.target],
            t('stability') + ': ' + number(edge.value, 2)]);
        }
      },
      legend: { data: kinds.map(function (kind) { return term('kind', kind); }) },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        force: { repulsion: 220, edgeLength: 110, layoutAnimation: !reducedMotion() },
        label: { show: true, position: 'right' },
        categories: kinds.map(function (kind) { return { name: term('kind', kind) }; }),
        data: (graph.nodes || []).map(function (node) {
          return { id: node.id, name: names[node.id], category: kinds.indexOf(node.kind), symbolSize: node.kind === 'problem' ? 26 : 16 };
        }),
        links: (graph.edges || []).map(function (edge) {
          var stability = edge.stability === undefined || edge.stability === null ? 0.5 : edge.stability;
          return {
            source: edge.from, target: edge.to, directed: edge.directed,
            symbol: edge.directed ? ['none', 'arrow'] : ['none', 'none'], symbolSize: 9,
            lineStyle: { width: 1 + 5 * stability, opacity: 0.35 + 0.6 * stability, curveness: 0.08 },
            value: stability
          };
        })
      }]
    }), true);
  }

  // A problem of the catalogue, chosen on the graph (a click or the keyboard): its root causes.
  function showProblem(id) {
    var select = $('problem-select');
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === id; });
    if (known && id !== select.value) {
      select.value = id;
      setFilter('problem', id);
      loadRootCauses();
      $('root-causes-table').scrollIntoView({ block: 'start' });
    }
  }

  // The graph's nodes as a list for the keyboard: a problem is a button that does what a click on
  // its node does; Tab reaches each, the arrow keys move between them, and the node of the button
  // focused is highlighted in the chart.
  function graphNodes(graph, names, instance) {
    var list = clear($('graph-nodes'));
    (graph.nodes || []).forEach(function (node, index) {
      var item = list.appendChild(el('li'));
      if (node.kind !== 'problem') {
        item.textContent = names[node.id] + ' (' + term('kind', node.kind) + ')';
        return;
      }
      var button = item.appendChild(el('button', 'node', names[node.id]));
      button.type = 'button';
      button.setAttribute('data-node', node.id);
      button.title = t('showRootCauses');
      button.addEventListener('click', function () { showProblem(node.id); });
      button.addEventListener('focus', function () { instance.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: index }); });
      button.addEventListener('blur', function () { instance.dispatchAction({ type: 'downplay', seriesIndex: 0, dataIndex: index }); });
    });
  }

  // ---- donor ----
  function clearJourney() {
    clear($('journey-facts'));
    clear($('journey-timeline'));
    show('journey-message', null);
  }

  // The journey of the donation id typed, or of the address's (#/donor?donation=D1).
  function loadJourney() {
    var id = $('donation-id').value.trim();
    if (!id) { return; }
    latest('journey', api('/api/v1/donations/' + encodeURIComponent(id) + '/journey')).then(function (journey) {
      show('journey-message', null);
      var facts = clear($('journey-facts'));
      [['designation', designation(journey.designation)], ['current', term('stage', journey.current)],
        ['receivedOn', date(journey.receivedOn)], ['deliveredOn', date(journey.deliveredOn)],
        ['daysToDelivery', number(journey.daysToDelivery, 0)]].forEach(function (fact) {
        facts.appendChild(el('dt', null, t(fact[0])));
        facts.appendChild(el('dd')).appendChild(fact[1] instanceof Node ? fact[1] : document.createTextNode(fact[1]));
      });
      facts.appendChild(el('dt', null, t('flags')));
      var flags = facts.appendChild(el('dd'));
      (journey.flags || []).forEach(function (flag) { flags.appendChild(el('span', 'badge flag', term('flag', flag))); });
      if ((journey.flags || []).length === 0) { flags.textContent = '–'; }
      timeline(clear($('journey-timeline')), journey);
    }, function (error) {
      clearJourney();
      show('journey-message', describe(error));
    });
  }

  // ---- needs board ----
  // The open needs, filtered by kind and region on the server; the regions to choose from are those
  // of the whole board, asked for once per key.
  function loadNeeds() {
    var kind = state.filters.kind || '';
    var region = state.filters.region || '';
    options($('needs-kind'), [['', t('allKinds')]].concat(NEED_KINDS.map(function (code) {
      return [code, t('needKind.' + code)];
    })), kind);
    if (!state.needRegions || state.needRegions.key !== apiKey()) {
      state.needRegions = { key: apiKey(), regions: null };
      api('/api/v1/needs?limit=1000').then(function (body) {
        var regions = [];
        body.needs.forEach(function (need) {
          if (need.region && regions.indexOf(need.region) < 0) { regions.push(need.region); }
        });
        state.needRegions.regions = regions.sort();
        needRegions(state.filters.region || '');
        // a region the address asked for that has no needs: the whole board
        if (state.page === 'needs' && choose($('needs-region'), 'region', '') !== region) { loadNeeds(); }
      }, failed('needs-message'));
    }
    needRegions(region);
    if (state.needRegions.regions) { region = choose($('needs-region'), 'region', ''); }
    var query = '/api/v1/needs?limit=1000&lang=' + state.lang + (kind ? '&kind=' + encodeURIComponent(kind) : '') +
      (region ? '&region=' + encodeURIComponent(region) : '');
    latest('needs', api(query)).then(function (body) {
      show('needs-message', body.needs.length ? null : t('noNeeds'));
      table($('needs-table'), [t('needRef'), t('needKind'), t('amount'), t('region'), t('program'), t('ageBand'),
        t('sex'), t('daysOpen'), t('status'), ''],
        body.needs.map(function (need) {
          return [code(need.needRef), need.kindLabel, amount(need.amount, need.currency),
            need.region ? regionText(need.region) : '–', need.program ? code(need.program) : '–', ageBand(need.ageBand),
            need.sex ? term('sex', need.sex) : '–', number(need.daysOpen, 0), term('needStatus', need.status),
            pledgeButton(need, 'needs-message') || ''];
        }));
      $('needs-table').hidden = body.needs.length === 0;
    }, function (error) {
      clear($('needs-table'));
      show('needs-message', describe(error));
    });
  }

  function needRegions(chosen) {
    var regions = (state.needRegions && state.needRegions.regions) || [];
    options($('needs-region'), regionOptions(regions), chosen);
  }

  // Fills a select with [value, text] pairs, keeping `chosen` selected.
  function options(select, pairs, chosen) {
    clear(select);
    pairs.forEach(function (pair) {
      var option = el('option', null, pair[1]);
      option.value = pair[0];
      select.appendChild(option);
    });
    select.value = chosen;
  }

  // An amount with its currency code, as written (IRR, USD); a need without an amount has neither.
  function amount(value, currency) {
    if (value === null || value === undefined) { return '–'; }
    var node = el('span', null, number(value, 2) + ' ');
    node.appendChild(code(currency));
    return node;
  }

  // "6-11" or "18+" in the page's digits; null (not shown, or a family's need) as a dash
  function ageBand(band) {
    if (!band) { return '–'; }
    return band.replace(/\d+/g, function (digits) { return number(Number(digits), 0); }).replace('-', '–');
  }

  // A journey's stages as a timeline: each with its date and the days to the next.
  function timeline(node, journey) {
    journey.stages.forEach(function (stage, index) {
      var item = el('li', stage.stage === journey.current ? 'current' : null);
      item.appendChild(el('div', 'stage', term('stage', stage.stage)));
      item.appendChild(el('div', 'when', date(stage.at)));
      var gap = (journey.stageGaps || [])[index];
      if (gap && index < journey.stages.length - 1) {
        item.appendChild(el('div', 'gap', number(gap.days) + ' ' + t('days')));
      }
      node.appendChild(item);
    });
    return node;
  }

  // ---- my giving: the donor's own donations, each from its pledge to confirmation, and pledges ----
  function loadGiving() {
    api('/api/v1/me/donations').then(function (body) {
      show('giving-message', body.donations.length || body.pledges.length ? null : t('noGiving'));
      table($('pledges-table'), [t('need'), t('amount'), t('pledgedOn'), t('current'), t('daysInStage'), t('donation')],
        body.pledges.map(function (pledge) {
          return [code(pledge.needRef), amount(pledge.amount, pledge.currency), date(pledge.pledgedAt),
            term('stage', pledge.stage), number(pledge.daysInStage, 0),
            pledge.donationId ? code(pledge.donationId) : t('awaitingDonation')];
        }));
      $('pledges-table').hidden = body.pledges.length === 0;
      var list = clear($('donations-list'));
      body.donations.forEach(function (donation) {
        var card = list.appendChild(el('li', 'donation'));
        card.setAttribute('data-donation', donation.donationId);
        var heading = card.appendChild(el('div', 'heading'));
        heading.appendChild(code(donation.donationId));
        heading.appendChild(document.createTextNode(' · '));
        // a text for general or a need the server cannot name, a node for one with an id
        var designated = designation(donation.designation);
        heading.appendChild(designated instanceof Node ? designated : document.createTextNode(designated));
        var facts = card.appendChild(el('div', 'when'));
        facts.textContent = t('current') + ': ' + term('stage', donation.current) + ' · ' + t('daysInStage') + ': ' +
          number(donation.daysInStage, 0);
        (donation.flags || []).forEach(function (flag) {
          card.appendChild(el('span', 'badge flag', term('flag', flag)));
        });
        timeline(card.appendChild(el('ol', 'timeline')), donation);
      });
    }, function (error) {
      clear($('pledges-table'));
      clear($('donations-list'));
      show('giving-message', describe(error));
    });
  }

  // The Pledge button in a need's last column on the needs board, or null for none: only a donor's
  // key pledges (POST /needs/{ref}/pledges), and only to an open need. It pledges the need's whole
  // amount in its currency (a need without an amount is pledged whole, with no body fields). One
  // Idempotency-Key per need and key for the session, as for interests: a click repeated after a
  // network failure is recorded once. A problem (the need filled up: 409 with what remains) is
  // shown in `messageId`, by default My giving's message.
  function pledgeButton(need, messageId) {
    var message = messageId || 'giving-message';
    if (!state.views || state.views.role !== 'donor' || need.status !== 'open') { return null; }
    if (!state.pledges || state.pledges.key !== apiKey()) {
      state.pledges = { key: apiKey(), needs: {} };
    }
    var pledge = state.pledges.needs[need.needRef] =
      state.pledges.needs[need.needRef] || { idempotencyKey: idempotencyKey(), pledged: false };
    var button = el('button', 'interest pledge', t('pledge'));
    button.type = 'button';
    button.setAttribute('data-need', need.needRef);
    function pledged() {
      button.textContent = t('pledgeRecorded');
      button.classList.add('done');
      button.disabled = true;
    }
    if (pledge.pledged) { pledged(); }
    button.addEventListener('click', function () {
      button.disabled = true;
      var body = need.amount === null || need.amount === undefined ? {}
        : { amount: need.amount, currency: need.currency };
      api('/api/v1/needs/' + encodeURIComponent(need.needRef) + '/pledges',
        { 'Idempotency-Key': pledge.idempotencyKey }, body)
        .then(function () {
          pledge.pledged = true;
          pledged();
          show(message, null);
          if (!$('page-giving').hidden) { loadGiving(); }
        }, function (error) {
          button.disabled = false;
          show(message, describe(error));
        });
    });
    return button;
  }

  // ---- volunteer ----
  function loadMatches() {
    api('/api/v1/me/matches').then(function (body) {
      show('matches-message', body.matches.length ? null : t('noMatches'));
      table($('matches-table'), [t('rank'), t('program'), t('score'), t('reasons'), ''],
        body.matches.map(function (match) {
          var reasons = el('ul', 'reasons');
          (match.reasons || []).forEach(function (text) { reasons.appendChild(el('li')).appendChild(reason(text)); });
          return [number(match.rank, 0), code(match.programId), number(match.score, 2), reasons,
            interestButton(match.programId)];
        }));
      $('matches-table').hidden = body.matches.length === 0;
    }, function (error) {
      clear($('matches-table'));
      show('matches-message', describe(error));
    });
  }

  // One Idempotency-Key per programme and key for the session: a click that failed on the network
  // and is clicked again, or again after the page was redrawn, is the same request, which the
  // server records once (docs/api.md). A registered interest stays marked when the page is redrawn.
  function interestButton(programId) {
    if (!state.interests || state.interests.key !== apiKey()) {
      state.interests = { key: apiKey(), programs: {} };
    }
    var interest = state.interests.programs[programId] =
      state.interests.programs[programId] || { idempotencyKey: idempotencyKey(), registered: false };
    var button = el('button', 'interest', t('interested'));
    button.type = 'button';
    button.setAttribute('data-program', programId);
    function registered() {
      button.textContent = t('interestRegistered');
      button.classList.add('done');
      button.disabled = true;
    }
    if (interest.registered) { registered(); }
    button.addEventListener('click', function () {
      button.disabled = true;
      api('/api/v1/programs/' + encodeURIComponent(programId) + '/interest',
        { 'Idempotency-Key': interest.idempotencyKey })
        .then(function () {
          interest.registered = true;
          registered();
          show('matches-message', null);
        }, function (error) {
          button.disabled = false;
          show('matches-message', describe(error));
        });
    });
    return button;
  }

  function idempotencyKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  // A reason as analytics writes it (analytics.volunteers.VolunteerMatchTransforms), in the page's
  // language with its numbers in the page's digits; one the page does not know is shown as sent.
  function reason(text) {
    var match;
    if ((match = /^interested in (\S+)$/.exec(text))) {
      return template('reason.interested', { kind: term('programKind', match[1]) });
    }
    if ((match = /^(\d+) active participants in (.+)$/.exec(text))) {
      return template('reason.active', { count: number(Number(match[1]), 0), region: code(match[2]) });
    }
    // the ratio as Spark's format_number writes it: "1,234.5"
    if ((match = /^([\d,]+(?:\.\d+)?) participants per volunteer interested in (\S+) in (.+?)(, the most stretched in the region)?$/.exec(text))) {
      var need = template('reason.need', {
        ratio: number(Number(match[1].replace(/,/g, '')), 1), kind: term('programKind', match[2]), region: code(match[3])
      });
      if (match[4]) { need.appendChild(document.createTextNode(t('listSeparator') + t('reason.mostStretched'))); }
      return need;
    }
    return el('span', null, text);
  }

  // A translated sentence whose {name}s are filled with text or nodes (a code stays a node).
  function template(name, values) {
    var node = el('span');
    t(name).split(/(\{[a-z]+\})/).forEach(function (part) {
      var slot = /^\{([a-z]+)\}$/.exec(part);
      var value = slot ? values[slot[1]] : part;
      node.appendChild(value instanceof Node ? value : document.createTextNode(value));
    });
    return node;
  }

  // general, need (one the server cannot name), or program:, family:, person: or need: and an id
  // (docs/data-contract.md; a need by its board reference, docs/api.md)
  function designation(value) {
    var match = /^(program|family|person|need):(.+)$/.exec(value || '');
    if (!match) { return term('designation', value); }
    var node = el('span', null, term('designation', match[1]) + ' ');
    node.appendChild(code(match[2]));
    return node;
  }

  // ---- shell: key, language, calendar, routing ----
  function askForKey(message) {
    sessionStorage.removeItem('rishe.key');
    state.views = null;
    show('error', message || null);
    $('key-panel').hidden = false;
    PAGES.forEach(function (page) { $('nav-' + page).hidden = true; });
    SECTIONS.forEach(function (page) { $('page-' + page).hidden = true; });
    $('key-input').focus();
  }

  function setLanguage(lang) {
    state.lang = lang;
    sessionStorage.setItem('rishe.lang', lang);
    state.jalali = calendarChosen(lang);
    $('jalali').checked = state.jalali;
    translate();
  }

  function translate() {
    var root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === 'fa' ? 'rtl' : 'ltr';
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    // the page's own charts' buttons; a programme outcome's is named when it is made
    Array.prototype.forEach.call(document.querySelectorAll('button.png[data-name]'), function (button) {
      button.setAttribute('aria-label', t('savePng') + ': ' + t(button.getAttribute('data-name')));
    });
    var toggle = $('lang-toggle');
    toggle.textContent = t('otherLanguage');
    toggle.lang = state.lang === 'fa' ? 'en' : 'fa';
  }

  // The views the key's role may use, asked of GET /me once per key; every view when the server
  // cannot say (one without /me), so that a view is never hidden by mistake. Rejected when the
  // key is refused: api() has then asked for a key again.
  function allowedViews() {
    var key = apiKey();
    if (!state.views || state.views.key !== key) {
      state.views = {
        key: key,
        pages: api('/api/v1/me').then(function (me) {
          state.views.role = me.role;
          return VIEWS[me.role] || PAGES;
        }, function (error) {
          if (error instanceof ApiError && error.status === 401) { throw error; }
          return PAGES;
        })
      };
    }
    return state.views.pages;
  }

  // Shows the view the address asks for, with its filters, in the language it names (or the
  // session's). A view the key may not use is replaced by the key's first, without filters.
  function route() {
    show('error', null);
    var view = readUrl();
    state.urlLang = view.lang !== null;
    if (view.lang && view.lang !== state.lang) { setLanguage(view.lang); }
    if (!apiKey()) { askForKey(); return; }
    // tracked, so that a view that asks nothing (the donor view without a donation) settles too
    tracked(allowedViews()).then(function (pages) {
      var asked = view.page;
      var allowed = pages.indexOf(asked) >= 0 || (has(DETAILS, asked) && pages.indexOf(DETAILS[asked]) >= 0);
      var page = allowed ? asked : pages[0];
      // the view a detail view was opened from, with its filters: where its Back button returns
      if (has(DETAILS, page) && state.page && !has(DETAILS, state.page)) {
        state.returnTo = { page: state.page, filters: Object.assign({}, state.filters) };
      }
      state.page = page;
      state.filters = page === asked ? view.filters : {};
      // the address as the page reads it: a value it cannot use is left out
      var url = currentUrl();
      if (url !== location.hash) { history.replaceState(null, '', url); }
      PAGES.forEach(function (name) {
        $('nav-' + name).hidden = pages.indexOf(name) < 0;
        $('nav-' + name).classList.toggle('active', name === page || DETAILS[page] === name);
      });
      SECTIONS.forEach(function (name) { $('page-' + name).hidden = name !== page; });
      $('key-panel').hidden = true;
      if (page === 'leadership') { loadLeadership(); }
      if (page === 'planner') { loadPlanner(); }
      if (page === 'program') { loadProgram(); }
      if (page === 'donor') {
        $('donation-id').value = state.filters.donation || '';
        if (state.filters.donation) { loadJourney(); } else { clearJourney(); }
      }
      if (page === 'giving') { loadGiving(); }
      if (page === 'volunteer') { loadMatches(); }
      if (page === 'needs') { regionCatalogue().then(loadNeeds); }
      if (page === 'region') { loadRegion(); }
    }, function () { /* the key was refused and is asked for again */ });
  }

  function start() {
    checkTables();
    $('jalali').checked = state.jalali;
    translate();
    $('key-form').addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem('rishe.key', $('key-input').value.trim());
      $('key-input').value = '';
      route();
    });
    $('forget-key').addEventListener('click', function () { askForKey(); });
    // back to the view the programme was opened from, with its filters, in the page's language
    // now; the leadership view for a link opened afresh
    ['program', 'region'].forEach(function (detail) {
      $(detail + '-back').addEventListener('click', function () {
        var view = state.returnTo || { page: DETAILS[detail], filters: {} };
        location.hash = viewUrl(view.page, view.filters, state.urlLang ? state.lang : null);
      });
    });
    // The language is a new entry in the history, the one before pinned to its language so that
    // back returns to it.
    $('lang-toggle').addEventListener('click', function () {
      if (state.page) {
        state.urlLang = true;
        history.replaceState(null, '', currentUrl());
        setLanguage(state.lang === 'fa' ? 'en' : 'fa');
        history.pushState(null, '', currentUrl());
      } else {
        setLanguage(state.lang === 'fa' ? 'en' : 'fa');
      }
      route();
    });
    $('jalali').addEventListener('change', function () {
      state.jalali = $('jalali').checked;
      sessionStorage.setItem('rishe.calendar.' + state.lang, calendar());
      route();
    });
    // the arrow keys move between the graph's node buttons
    $('graph-nodes').addEventListener('keydown', function (event) {
      var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      var buttons = Array.prototype.slice.call($('graph-nodes').querySelectorAll('button'));
      var index = buttons.indexOf(document.activeElement);
      if (!step || index < 0) { return; }
      if (state.lang === 'fa' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) { step = -step; }
      event.preventDefault();
      buttons[(index + step + buttons.length) % buttons.length].focus();
    });
    $('trend-metric').addEventListener('change', function () {
      setFilter('metric', $('trend-metric').value === TREND_METRICS[0] ? '' : $('trend-metric').value);
      loadTrend();
    });
    // a period whose end is before its start is moved: the other end follows the one changed
    ['from', 'to'].forEach(function (end) {
      $('period-' + end).addEventListener('change', function () {
        var value = $('period-' + end).value;
        var other = end === 'from' ? 'to' : 'from';
        var otherValue = state.filters[other];
        if (value && otherValue && (end === 'from' ? value > otherValue : value < otherValue)) {
          state.filters[other] = value;
          $('period-' + other).value = value;
        }
        setFilter(end, MONTH.test(value) ? value : '');
        markPreset();
        loadFigures();
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('button.preset'), function (button) {
      button.addEventListener('click', function () { choosePreset(button.getAttribute('data-preset')); });
    });
    // each select a filter of its view: a change is written to the address and reloads what it filters
    [['leadership-region', 'region', loadFigures], ['leadership-program', 'program', loadImpact],
      ['impact-sort', 'sort', showImpact],
      ['problem-select', 'problem', loadRootCauses], ['region-select', 'region', loadRootCauses],
      ['needs-kind', 'kind', loadNeeds], ['needs-region', 'region', loadNeeds]].forEach(function (filter) {
      $(filter[0]).addEventListener('change', function () {
        setFilter(filter[1], $(filter[0]).value);
        filter[2]();
      });
    });
    csvButtons();
    pngButtons();
    // the printed leadership report: one page of the period's key figures, trend and impact (app.css)
    $('print-report').addEventListener('click', function () { window.print(); });
    $('donation-form').addEventListener('submit', function (event) {
      event.preventDefault();
      setFilter('donation', CODE.test($('donation-id').value.trim()) ? $('donation-id').value.trim() : '');
      loadJourney();
    });
    window.addEventListener('hashchange', route);
    window.addEventListener('resize', function () {
      Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (node) {
        var instance = echarts.getInstanceByDom(node);
        if (instance) { instance.resize(); }
      });
    });
    route();
  }

  // Exposed so that the browser test can draw charts on data of its own, and read the axis labels
  // a chart drew on its canvas.
  window.RisheDashboard = {
    renderImpact: renderImpact, renderImpactGaps: renderImpactGaps, renderGraph: renderGraph,
    renderChains: renderChains, programOutcome: programOutcome,
    presetPeriod: presetPeriod,
    jalaliDate: function (iso) {
      var day = jalaliDay(new Date(iso + 'T00:00:00Z'));
      return day.year + '-' + ('0' + day.month).slice(-2) + '-' + ('0' + day.day).slice(-2);
    },
    pledgeButton: pledgeButton, tableCsv: function (id) { return tableCsv($(id)); },
    showImpact: function (rows) { state.impactRows = rows; showImpact(); },
    axisLabels: function (id) { return (state.axisLabels[id] || []).slice(); }
  };
  start();
}());
