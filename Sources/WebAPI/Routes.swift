import Accounts
import HTTPServer

/// Every route of the API, with the permission it requires beside it. Grep here first.
extension Handlers {
    func registerRoutes(_ api: inout APIBuilder) {
        // System
        api.add(.GET, "/healthz", "health", "Liveness and database check", .anyone, returns: "Health", handleHealth)
        api.add(.GET, "/metrics", "metrics", "Prometheus metrics", .anyone, handleMetrics)
        api.add(.GET, "/api/openapi.json", "openapi", "This document", .anyone, handleOpenAPI)

        // Session
        api.add(.GET, "/api/v1/session", "getSession", "Who is signed in (null if nobody); sets the CSRF cookie",
                .anyone, returns: "Session", handleSession)
        api.add(.POST, "/api/v1/auth/login", "login", "Sign in; rotates the session and CSRF cookies", .anyone,
                body: "Login", returns: "Session", handleLogin)
        api.add(.POST, "/api/v1/auth/logout", "logout", "Sign out", .anyone, status: 204, handleLogout)
        api.add(.GET, "/api/v1/me", "me", "The signed-in user and permissions", .signedIn, returns: "Session", handleMe)
        api.add(.POST, "/api/v1/me/password", "changePassword", "Change one's own password", .signedIn,
                body: "PasswordChange", status: 204, handleChangePassword)

        // Accounts (organizers see users of their own units only)
        api.add(.GET, "/api/v1/users", "listUsers", "List and search accounts",
                .anyOf([.usersManage, .examsManage]), returns: "UserPage", query: ["q", "role", "page", "pageSize"],
                handleListUsers)
        api.add(.GET, "/api/v1/users/{id}", "getUser", "One account", .anyOf([.usersManage, .examsManage]),
                returns: "User", handleGetUser)
        api.add(.POST, "/api/v1/users", "createUser", "Create an account", .permission(.usersManage),
                body: "CreateUser", returns: "User", status: 201, handleCreateUser)
        api.add(.POST, "/api/v1/users/{id}/phone", "revealUserPhone",
                "The whole phone number of an account (personal information: every reveal is logged)",
                .permission(.personalDataReveal), returns: "UserPhone", handleRevealPhone)
        api.add(.PATCH, "/api/v1/users/{id}", "updateUser", "Change, disable or reset an account",
                .permission(.usersManage), body: "UpdateUser", returns: "User", handleUpdateUser)

        // Organization
        api.add(.GET, "/api/v1/units", "listUnits", "The tree of units", .permission(.consoleAccess),
                returns: "UnitList", handleListUnits)
        api.add(.POST, "/api/v1/units", "createUnit", "Add a unit", .permission(.unitsManage),
                body: "CreateUnit", returns: "Unit", status: 201, handleCreateUnit)
        api.add(.GET, "/api/v1/regions", "listRegions", "The tree of regions (county > town > village)", .anyone,
                returns: "RegionList", handleListRegions)
        api.add(.POST, "/api/v1/regions", "createRegion", "Add a region", .permission(.regionsManage),
                body: "CreateRegion", returns: "Region", status: 201, handleCreateRegion)

        // Question banks
        // Organizers read the bank to build papers; only editors change it.
        api.add(.GET, "/api/v1/questions", "listQuestions", "Search and filter questions",
                .anyOf([.questionsManage, .examsManage]),
                returns: "QuestionPage", query: ["q", "type", "status", "bankId", "category", "topic", "law", "difficulty",
                                                 "audience", "page", "pageSize"], handleListQuestions)
        api.add(.GET, "/api/v1/questions/{id}", "getQuestion", "A question with its version history",
                .anyOf([.questionsManage, .examsManage]), returns: "Question", handleGetQuestion)
        api.add(.POST, "/api/v1/questions", "createQuestion", "Write a new question", .permission(.questionsManage),
                body: "QuestionInput", returns: "Question", status: 201, handleCreateQuestion)
        api.add(.PUT, "/api/v1/questions/{id}", "updateQuestion", "Save an edit as a new version",
                .permission(.questionsManage), body: "QuestionInput", returns: "Question", handleUpdateQuestion)
        api.add(.POST, "/api/v1/questions/import", "importQuestions",
                "Import a file (raw body): native YAML, GIFT, Moodle XML, CSV or XLSX; all-or-nothing",
                .permission(.questionsManage), body: "QuestionFile", returns: "ImportReport", status: 201,
                query: ["filename", "format", "dryRun"], handleImportQuestions)
        api.add(.GET, "/api/v1/questions/export", "exportQuestions", "Download a bank as a file",
                .permission(.questionsManage), query: ["format", "bankId"], offload: true, handleExportQuestions)
        api.add(.GET, "/api/v1/question-banks", "listQuestionBanks", "Question banks with their sizes",
                .anyOf([.questionsManage, .examsManage]), returns: "BankList", handleListBanks)
        api.add(.GET, "/api/v1/question-categories", "listQuestionCategories", "Category paths (law / chapter / topic)",
                .anyOf([.questionsManage, .examsManage]), returns: "CategoryList", handleListCategories)

        // Annual exams: organizers (their units' exams; admins all)
        api.add(.GET, "/api/v1/exams", "listExams", "Exams the organizer manages", .permission(.examsManage),
                returns: "ExamList", handleListExams)
        api.add(.POST, "/api/v1/exams", "createExam", "Set up an exam (draft)", .permission(.examsManage),
                body: "ExamInput", returns: "Exam", status: 201, handleCreateExam)
        api.add(.GET, "/api/v1/exams/{id}", "getExam", "One exam", .permission(.examsManage), returns: "Exam", handleGetExam)
        api.add(.PUT, "/api/v1/exams/{id}", "updateExam", "Change a draft exam", .permission(.examsManage),
                body: "ExamInput", returns: "Exam", handleUpdateExam)
        api.add(.PUT, "/api/v1/exams/{id}/roster", "setExamRoster", "Assign officials by unit subtree and by list",
                .permission(.examsManage), body: "RosterInput", returns: "Roster", handleSetRoster)
        api.add(.GET, "/api/v1/exams/{id}/roster", "getExamRoster", "The roster", .permission(.examsManage),
                returns: "Roster", handleGetRoster)
        api.add(.POST, "/api/v1/exams/{id}/roster/import", "importExamRoster",
                "Import officials from a CSV/XLSX sheet onto a draft exam's roster (creates or updates accounts); all-or-nothing",
                .permission(.examsManage), body: "RosterFile", returns: "RosterImport", status: 201,
                query: ["filename", "dryRun"], offload: true, handleImportRoster)
        api.add(.POST, "/api/v1/exams/{id}/publish", "publishExam", "Publish and generate every candidate's paper",
                .permission(.examsManage), returns: "Exam", handlePublishExam)
        api.add(.GET, "/api/v1/exams/{id}/report", "getExamReport", "Participation and pass rates per unit, live",
                .permission(.examsManage), returns: "Report", handleExamReport)
        api.add(.GET, "/api/v1/exams/{id}/report/export", "exportExamReport",
                "The report as an Excel workbook: units rolled up, candidates, score distribution",
                .permission(.examsManage), query: ["format"], offload: true, handleExportReport)

        api.add(.POST, "/api/v1/exams/{id}/makeup", "createMakeupExam",
                "A linked make-up exam (补考) for everyone who missed or failed this one (draft, roster filled)",
                .permission(.examsManage), body: "MakeupInput", returns: "Exam", status: 201, handleCreateMakeup)
        api.add(.PUT, "/api/v1/exams/{id}/overrides", "setExamOverrides",
                "Extra time and/or a later close for candidates, by name or unit (moves deadlines in progress)",
                .permission(.examsManage), body: "OverrideInput", returns: "OverrideList", handleSetOverrides)
        api.add(.GET, "/api/v1/exams/{id}/overrides", "getExamOverrides", "Overrides of an exam", .permission(.examsManage),
                returns: "OverrideList", handleGetOverrides)
        api.add(.GET, "/api/v1/exams/{id}/marking", "getMarkingQueue", "Case-analysis answers waiting for a hand mark",
                .permission(.examsManage), returns: "MarkingQueue", handleMarkingQueue)
        api.add(.PUT, "/api/v1/attempts/{id}/marks/{slot}", "markAnswer",
                "Mark a case-analysis answer; the attempt's score and pass/fail are recomputed", .permission(.examsManage),
                body: "MarkInput", returns: "MarkResult", handleMark)
        api.add(.GET, "/api/v1/exams/{id}/statistics", "getExamStatistics",
                "Item analysis (Moodle's quiz statistics: facility, discrimination, CIC…) over counted attempts",
                .permission(.examsManage), returns: "ExamStatistics", offload: true, handleExamStatistics)
        api.add(.POST, "/api/v1/exams/{id}/regrade", "regradeExam",
                "Regrade submitted attempts against a question's current version (after a key change); dryRun to preview",
                .permission(.examsManage), body: "RegradeInput", returns: "RegradeReport", handleRegrade)

        // Annual exams: candidates (their own attempts only)
        api.add(.GET, "/api/v1/my/exams", "listMyExams", "Exams assigned to me", .permission(.examsTake),
                returns: "MyExamList", handleMyExams)
        api.add(.POST, "/api/v1/exams/{id}/attempts", "startAttempt", "Start or resume (and take over) an attempt",
                .permission(.examsTake), body: "ClientInput", returns: "AttemptView", status: 201, handleStartAttempt)
        api.add(.GET, "/api/v1/attempts/{id}", "getAttempt", "My attempt; with clientId this tab takes over",
                .permission(.examsTake), returns: "AttemptView", query: ["clientId"], offload: true, handleGetAttempt)
        api.add(.PUT, "/api/v1/attempts/{id}/responses/{slot}", "saveResponse",
                "Save one answer (idempotent by seq; refused after the deadline plus grace)", .permission(.examsTake),
                body: "SaveInput", returns: "SaveReply", offload: false, handleSaveResponse)
        api.add(.POST, "/api/v1/attempts/{id}/submit", "submitAttempt", "Submit and get the receipt",
                .permission(.examsTake), body: "ClientInput", returns: "Receipt", handleSubmitAttempt)
        api.add(.GET, "/api/v1/attempts/{id}/certificate", "getCertificate", "A print-ready certificate of passing (HTML)",
                .permission(.examsTake), handleCertificate)
        api.add(.POST, "/api/v1/attempts/{id}/events", "recordAttemptEvent", "Integrity evidence (visibility, copy, paste…)",
                .permission(.examsTake), body: "EventInput", status: 204, handleAttemptEvent)

        // Public prize quizzes: residents, no account (a device id; an entry token for the entry's own requests)
        api.add(.GET, "/api/v1/quiz/rounds", "listQuizRounds", "Open, recent and upcoming rounds", .anyone,
                returns: "QuizRoundList", handleListQuizRounds)
        api.add(.GET, "/api/v1/quiz/rounds/{id}", "getQuizRound", "One published round with its draw rules' commitment",
                .anyone, returns: "QuizRound", handleGetQuizRound)
        api.add(.POST, "/api/v1/quiz/rounds/{id}/entries", "startQuizEntry",
                "Start playing: the entry's questions (no keys) and its token; limited per device and address",
                .anyone, body: "QuizStart", returns: "QuizEntry", status: 201, handleStartQuizEntry)
        api.add(.PUT, "/api/v1/quiz/entries/{entryId}/answers/{slot}", "answerQuizQuestion",
                "Answer one question once: right or wrong, the key, the explanation and the article at once",
                .anyone, body: "QuizAnswer", returns: "QuizFeedback", offload: false, handleAnswerQuizQuestion)
        api.add(.POST, "/api/v1/quiz/entries/{entryId}/finish", "finishQuizEntry",
                "Finish; with nickname, phone and town/village the entry may enter the draw",
                .anyone, body: "QuizFinish", returns: "QuizResult", handleFinishQuizEntry)
        api.add(.POST, "/api/v1/quiz/entries/{entryId}/read", "recordQuizRead",
                "The resident opened the round's related reading (counted once per entry)", .anyone, body: "QuizToken", status: 204,
                handleRecordQuizRead)
        api.add(.GET, "/api/v1/quiz/entries/{entryId}", "getQuizResultCard", "A finished entry's shareable result (no phone)",
                .anyone, returns: "QuizResult", handleQuizResultCard)
        api.add(.GET, "/api/v1/quiz/leaderboard", "getQuizLeaderboard", "Towns and villages ranked, and the top entries",
                .anyone, returns: "QuizLeaderboard", query: ["roundId"], handleQuizLeaderboard)

        api.add(.GET, "/api/v1/quiz/rounds/{id}/draw", "getQuizDraw",
                "The draw, checkable by anyone: commitment, rules, eligible digest, public value, key, winners (masked)",
                .anyone, returns: "QuizDraw", handleQuizDraw)
        api.add(.GET, "/api/v1/quiz/rounds/{id}/draw/{file}", "getQuizDrawFile",
                "rules.json, eligible.txt or result.json, byte for byte what `pufa draw verify` reads", .anyone, handleQuizDrawFile)

        // Public prize quizzes: staff
        api.add(.GET, "/api/v1/quiz-rounds", "listStaffQuizRounds", "Every round, drafts included",
                .permission(.quizzesManage), returns: "QuizRoundList", handleStaffQuizRounds)
        api.add(.POST, "/api/v1/quiz-rounds", "createQuizRound", "Set up a round (draft)", .permission(.quizzesManage),
                body: "QuizRoundInput", returns: "QuizRound", status: 201, handleCreateQuizRound)
        api.add(.GET, "/api/v1/quiz-rounds/{id}", "getStaffQuizRound", "One round with its question list",
                .permission(.quizzesManage), returns: "QuizRound", handleStaffQuizRound)
        api.add(.PUT, "/api/v1/quiz-rounds/{id}", "updateQuizRound", "Change a draft round", .permission(.quizzesManage),
                body: "QuizRoundInput", returns: "QuizRound", handleUpdateQuizRound)
        api.add(.POST, "/api/v1/quiz-rounds/{id}/publish", "publishQuizRound",
                "Publish; fixes the draw rules and publishes their commitment (before opening)",
                .permission(.quizzesManage), returns: "QuizRound", handlePublishQuizRound)
        api.add(.GET, "/api/v1/quiz-rounds/{id}/entries", "listQuizEntries", "Entries with scores, masked phones and flags",
                .permission(.quizzesManage), returns: "QuizEntryList", handleQuizEntries)
        api.add(.GET, "/api/v1/quiz-rounds/{id}/stats", "getQuizStats",
                "Entries by day and place, score distribution, hardest questions, how many went on to read",
                .permission(.quizzesManage), returns: "QuizStats", handleQuizStats)
        api.add(.PUT, "/api/v1/quiz-rounds/{id}/entries/{entryId}/review", "reviewQuizEntry",
                "Clear or exclude a flagged entry (audited)", .permission(.quizzesManage), body: "QuizReview", status: 204,
                handleReviewQuizEntry)

        api.add(.POST, "/api/v1/quiz-rounds/{id}/draw/freeze", "freezeQuizDraw",
                "After the close: freeze the eligible list and publish its digest", .permission(.quizzesManage),
                returns: "QuizDraw", handleFreezeQuizDraw)
        api.add(.POST, "/api/v1/quiz-rounds/{id}/draw", "runQuizDraw",
                "Enter the named lottery's numbers and draw (RFC 3797); redemption codes are returned this once",
                .permission(.quizzesManage), body: "QuizDrawInput", returns: "QuizDraw", handleRunQuizDraw)
        api.add(.POST, "/api/v1/quiz-rounds/{id}/redeem", "redeemQuizPrize", "Hand over a prize against its redemption code",
                .permission(.quizzesManage), body: "QuizRedeem", returns: "QuizWinner", handleRedeemQuizPrize)
        api.add(.POST, "/api/v1/quiz-rounds/{id}/winners/{entryId}/phone", "revealWinnerPhone",
                "A winner's whole phone number, to arrange the prize (logged)", .permission(.personalDataReveal),
                returns: "WinnerPhone", handleRevealWinnerPhone)

        // Live contests (知识竞赛): host and big screen (staff), phones (anyone with the code)
        api.add(.POST, "/api/v1/live-contests", "createLiveContest", "Set up a live contest; returns its six-digit join code",
                .permission(.quizzesManage), body: "LiveInput", returns: "LiveSummary", status: 201, handleCreateLive)
        api.add(.GET, "/api/v1/live-contests", "listLiveContests", "Recent live contests", .permission(.quizzesManage),
                returns: "LiveList", handleListLive)
        api.add(.GET, "/api/v1/live-contests/{id}/state", "getLiveHostState",
                "The big screen's view; with ?after=VERSION it waits (up to 25 s) for the next change",
                .permission(.quizzesManage), returns: "LiveView", query: ["after"], handleLiveHostState)
        api.add(.POST, "/api/v1/live-contests/{id}/control", "controlLiveContest",
                "The host's signal: next (question, countdown starts), reveal (key and ranking), end",
                .permission(.quizzesManage), body: "LiveControl", returns: "LiveView", handleLiveControl)
        api.add(.POST, "/api/v1/live/{code}/join", "joinLiveContest",
                "Join with a nickname (or rejoin with the earlier token after a dropped connection)", .anyone,
                body: "LiveJoin", returns: "LiveJoined", status: 201, handleJoinLive)
        api.add(.GET, "/api/v1/live/{code}/state", "getLivePlayerState",
                "A phone's view (token in X-Live-Token); with ?after=STAGE it waits (up to 25 s) for the host's next signal",
                .anyone, returns: "LiveView", query: ["after", "token"], handleLivePlayerState)
        api.add(.PUT, "/api/v1/live/{code}/answers/{index}", "answerLiveQuestion",
                "Answer the current question once, before the countdown ends", .anyone, body: "QuizAnswer", handleLiveAnswer)

        // Teaching material: anyone reads what is published; editors write
        api.add(.GET, "/api/v1/content", "listContent",
                "Published material shown today, newest first; audience (comma-separated codes), topic, words, limit",
                .anyone, returns: "ContentList", query: ["audience", "topic", "q", "limit"], handleListContent)
        api.add(.GET, "/api/v1/content/{slug}", "getContent", "One published piece as safe HTML", .anyone, returns: "Content",
                handleGetContent)
        api.add(.GET, "/api/v1/content-admin", "listStaffContent", "Every piece, drafts and retired ones too",
                .permission(.contentManage), returns: "ContentList", handleStaffContentList)
        api.add(.GET, "/api/v1/content-admin/{slug}", "getStaffContent", "A piece with its Markdown and versions",
                .permission(.contentManage), returns: "Content", handleStaffContent)
        api.add(.PUT, "/api/v1/content-admin/{slug}", "saveContent",
                "Create a piece or save an edit as a new version (expectedVersion guards against overwriting)",
                .permission(.contentManage), body: "ContentInput", returns: "Content", handleSaveContent)
        api.add(.POST, "/api/v1/content-preview", "previewContent", "Markdown to the HTML readers will see",
                .permission(.contentManage), body: "ContentPreview", returns: "ContentPreviewResult", handlePreviewContent)
        api.add(.POST, "/api/v1/content-import", "importContent",
                "Import a Content/ Markdown file (raw body); all-or-nothing with file:line problems",
                .permission(.contentManage), body: "ContentFile", returns: "ContentImport", status: 201,
                query: ["filename", "dryRun"], handleImportContent)
        api.add(.POST, "/api/v1/media", "uploadImage",
                "Upload an image for teaching material (raw body: PNG, JPEG, GIF or WebP, at most 2 MB); returns its address",
                .permission(.contentManage), body: "ImageFile", returns: "Media", status: 201, handleUploadMedia)
        api.add(.POST, "/api/v1/events", "recordEvents",
                "Reading events from a page, batched (at most 50; JSON, also as text/plain from navigator.sendBeacon); answers what was taken and what was not, by reason",
                // Answered on the connection's own thread (no hand-off to a worker): judging a batch only appends to the
                // flusher's queue; its reads (a slug the cache lacks, a person's dimensions) are few, indexed and bounded.
                // With no flusher (flushMillis 0, the tests) each batch is written at once, so it goes to a worker.
                .anyone, body: "EventBatch", returns: "EventReceipt", status: 202, offload: events.flushMillis == 0, handleRecordEvents)
        api.add(.GET, "/api/v1/reach/ingestion", "getIngestionFigures",
                "What event ingestion counted, labelled (bots, link previews, prefetches) and refused (by reason) over Beijing days",
                .permission(.campaignsManage), returns: "IngestionFigures", query: ["from", "to", "content"], handleIngestionFigures)
        api.add(.GET, "/api/v1/reach/effect", "getEffect",
                "Measured knowledge gain: readers' accuracy on the piece's knowledge points before vs after reading, vs the campaign's frozen hold-out, and 7+ days later, with sample sizes and 95% intervals",
                .permission(.campaignsManage), returns: "Effect", query: ["campaign", "content", "from", "to", "minAnswers"], handleEffect)

        // Reach dashboard (成效): every figure from the rollups, over a Beijing date range (≤ 400 days) and optional filters
        let reachFilters = ["from", "to", "content", "campaign", "region", "unit", "group", "channel"]
        api.add(.GET, "/api/v1/reach/summary", "getReachSummary", "Every measure with its definition (targeted … quiz conversion)",
                .permission(.campaignsManage), returns: "ReachSummary", query: reachFilters, handleReachSummary)
        api.add(.GET, "/api/v1/reach/funnel", "getReachFunnel", "Targeted → delivered → opened → effective read → finished → quizzed → passed",
                .permission(.campaignsManage), returns: "ReachFunnel", query: reachFilters, handleReachFunnel)
        api.add(.GET, "/api/v1/reach/series", "getReachSeries", "Reached, person-times and reads per day (per hour for two days or less)",
                .permission(.campaignsManage), returns: "ReachSeries", query: reachFilters, handleReachSeries)
        api.add(.GET, "/api/v1/reach/breakdown", "getReachBreakdown", "Figures by region, unit, audience group or channel",
                .permission(.campaignsManage), returns: "ReachBreakdown", query: reachFilters + ["by"], handleReachBreakdown)
        api.add(.GET, "/api/v1/reach/top-content", "getReachTopContent", "The 20 pieces with the most person-times, with their rates",
                .permission(.campaignsManage), returns: "TopContentList", query: reachFilters, handleReachTopContent)
        api.add(.GET, "/api/v1/reach/not-reached", "listNotReached", "Members sent a campaign who never opened it (names and phones masked)",
                .permission(.campaignsManage), returns: "NotReachedPage", query: ["campaign", "page", "pageSize"], handleReachNotReached)
        api.add(.GET, "/api/v1/reach/not-finished", "listNotFinished", "Assignees of a study task who have not finished it (masked)",
                .permission(.campaignsManage), returns: "NotReachedPage", query: ["task", "page", "pageSize"], handleReachNotFinished)
        api.add(.GET, "/api/v1/reach/export.csv", "exportReachCSV", "All figures of the current filter as CSV sections",
                .permission(.campaignsManage), query: reachFilters, offload: true, handleReachExport)
        api.add(.GET, "/api/v1/reach/export.xlsx", "exportReachXLSX", "All figures of the current filter as an Excel workbook",
                .permission(.campaignsManage), query: reachFilters, offload: true, handleReachExport)
        api.add(.GET, "/api/v1/reach/yearly", "getYearlyReport", "The bureau's yearly report: person-times by audience group, pieces, campaigns, quizzes, exams",
                .permission(.campaignsManage), returns: "YearlyReport", query: ["year"], handleYearlyReport)
        api.add(.GET, "/api/v1/reach/yearly.xlsx", "exportYearlyReport", "The yearly report as an Excel workbook",
                .permission(.campaignsManage), query: ["year"], offload: true, handleYearlyReportXLSX)
        api.add(.GET, "/media/{file}", "getImage", "An uploaded image by the digest of its bytes", .anyone, handleGetMedia)

        // Required study (学习任务), effective reading and the feed
        api.add(.POST, "/api/v1/reading", "reportReading",
                "The reader's effective seconds (visible and focused) and scroll depth; capped by the time since the last report; 204 when anonymous",
                .anyone, body: "ReadingInput", returns: "ReadingProgress", handleReading)
        api.add(.GET, "/api/v1/feed", "getFeed",
                "What to read next, each with its reason (signed in or X-Profile-Token; the newest for anyone else)",
                .anyone, returns: "FeedList", query: ["limit"], offload: true, handleFeed)
        api.add(.GET, "/api/v1/my/tasks", "listMyStudyTasks", "The person's study tasks with their progress", .anyone,
                returns: "MyTaskList", offload: true, handleMyTasks)
        api.add(.GET, "/api/v1/study-tasks", "listStudyTasks", "Study tasks with completion counts", .permission(.campaignsManage),
                returns: "StudyTaskList", handleListStudyTasks)
        api.add(.POST, "/api/v1/study-tasks", "createStudyTask",
                "Assign a piece to a segment or a list of people with a deadline, a minimum reading time, reminders and escalation",
                .permission(.campaignsManage), body: "StudyTaskInput", returns: "StudyTask", status: 201, handleCreateStudyTask)
        api.add(.GET, "/api/v1/study-tasks/{id}", "getStudyTask",
                "Completion per unit (rolled up) and per person: read time, reminders, escalation (phones masked)",
                .permission(.campaignsManage), returns: "StudyTaskDetail", handleGetStudyTask)
        api.add(.POST, "/api/v1/study-tasks/{id}/close", "closeStudyTask", "End a task: no more reminders or escalation",
                .permission(.campaignsManage), returns: "StudyTask", handleCloseStudyTask)
        api.add(.GET, "/api/v1/study-tasks/{id}/export.csv", "exportStudyTaskCSV", "Completion per person as CSV (phones masked)",
                .permission(.campaignsManage), handleExportStudyTaskCSV)
        api.add(.GET, "/api/v1/study-tasks/{id}/export.xlsx", "exportStudyTaskXLSX",
                "Completion per unit and per person as an Excel workbook (phones masked)", .permission(.campaignsManage),
                offload: true, handleExportStudyTaskXLSX)
        api.add(.GET, "/api/v1/followups", "listFollowups", "People to follow up after a missed study task (open first)",
                .permission(.campaignsManage), returns: "FollowupList", query: ["all"], handleListFollowups)
        api.add(.POST, "/api/v1/followups/{id}/resolve", "resolveFollowup", "Mark a follow-up done, with a note",
                .permission(.campaignsManage), body: "FollowupResolve", returns: "Followup", handleResolveFollowup)

        // Campaigns (推送) and group robots: staff
        api.add(.GET, "/api/v1/campaigns", "listCampaigns", "Campaigns, newest first, with the current run's percent done",
                .permission(.campaignsManage), returns: "CampaignList", handleListCampaigns)
        api.add(.POST, "/api/v1/campaigns", "createCampaign", "A campaign draft: piece, segment, channels, schedule, priority, rate",
                .permission(.campaignsManage), body: "CampaignInput", returns: "Campaign", status: 201, handleCreateCampaign)
        api.add(.GET, "/api/v1/campaigns/{id}", "getCampaign", "One campaign", .permission(.campaignsManage), returns: "Campaign",
                handleGetCampaign)
        api.add(.PUT, "/api/v1/campaigns/{id}", "updateCampaign", "Change a draft campaign", .permission(.campaignsManage),
                body: "CampaignInput", returns: "Campaign", handleUpdateCampaign)
        api.add(.POST, "/api/v1/campaigns/{id}/start", "startCampaign",
                "Start a draft: now (the audience is frozen at once), at its time, or every year", .permission(.campaignsManage),
                returns: "Campaign", handleStartCampaign)
        api.add(.POST, "/api/v1/campaigns/{id}/pause", "pauseCampaign", "Pause sending", .permission(.campaignsManage),
                returns: "Campaign", handleCampaignAction("pause"))
        api.add(.POST, "/api/v1/campaigns/{id}/resume", "resumeCampaign", "Resume a paused campaign", .permission(.campaignsManage),
                returns: "Campaign", handleCampaignAction("resume"))
        api.add(.POST, "/api/v1/campaigns/{id}/cancel", "cancelCampaign", "Cancel: what was not yet sent is dropped",
                .permission(.campaignsManage), returns: "Campaign", handleCampaignAction("cancel"))
        api.add(.GET, "/api/v1/campaigns/{id}/progress", "getCampaignProgress",
                "The current run: audience, held out, sent, pending, deferred by reason, rate, ETA, robot messages",
                .permission(.campaignsManage), returns: "CampaignProgress", handleCampaignProgress)
        api.add(.GET, "/api/v1/campaign-audiences", "listCampaignAudiences", "Saved segments to send to, with size and when computed",
                .permission(.campaignsManage), returns: "SegmentChoiceList", handleCampaignAudiences)
        api.add(.GET, "/api/v1/robots", "listRobots", "Group robots (DingTalk, WeCom); secrets are never returned",
                .permission(.campaignsManage), returns: "RobotList", handleListRobots)
        api.add(.POST, "/api/v1/robots", "createRobot", "Add a group robot (http(s) webhook, optional signing secret)",
                .permission(.campaignsManage), body: "RobotInput", returns: "Robot", status: 201, handleCreateRobot)
        api.add(.PUT, "/api/v1/robots/{id}", "updateRobot", "Change a robot; leave the secret out to keep it, \"\" to remove it",
                .permission(.campaignsManage), body: "RobotInput", returns: "Robot", handleUpdateRobot)
        api.add(.DELETE, "/api/v1/robots/{id}", "deleteRobot",
                "Remove a robot that no campaign still to send or open study task uses and that never sent a message (else disable it)",
                .permission(.campaignsManage), status: 204, handleDeleteRobot)
        api.add(.POST, "/api/v1/robots/{id}/test", "testRobot", "Post a test message now and say whether the robot accepted it",
                .permission(.campaignsManage), returns: "RobotTest", handleTestRobot)
        api.add(.POST, "/api/v1/robot-messages/{id}/resend", "resendRobotMessage", "Send a failed or unknown group message again",
                .permission(.campaignsManage), status: 204, handleResendRobotMessage)

        // The person's inbox: signed in, or a resident's device token (X-Profile-Token)
        api.add(.GET, "/api/v1/inbox", "getInbox", "Messages delivered to me, newest first, with the unread count", .anyone,
                returns: "Inbox", query: ["limit"], handleInbox)
        api.add(.POST, "/api/v1/inbox/{id}/seen", "markInboxSeen", "Mark one of my messages seen", .anyone, status: 204,
                handleInboxSeen)

        // Audience profiles: staff search and edit; everyone signed in keeps their own few attributes
        api.add(.GET, "/api/v1/profiles", "listProfiles",
                "Search profiles by name or phone ending, group, region or unit subtree (phones masked)", .permission(.audiencesManage),
                returns: "ProfilePage", query: ["q", "group", "regionId", "unitId", "page", "pageSize"], offload: true, handleListProfiles)
        api.add(.GET, "/api/v1/profiles/{id}", "getProfile", "A profile with accuracy per knowledge point (90 days), reading, segments",
                .permission(.audiencesManage), returns: "ProfileDetail", handleGetProfile)
        api.add(.PUT, "/api/v1/profiles/{id}", "updateProfile", "Set groups, age band, occupation, interests, region and unit (audited)",
                .permission(.audiencesManage), body: "ProfileInput", returns: "ProfileDetail", handleUpdateProfile)
        api.add(.GET, "/api/v1/me/profile", "getOwnProfile", "My profile", .signedIn, returns: "Profile", handleGetOwnProfile)
        api.add(.PUT, "/api/v1/me/profile", "updateOwnProfile", "Set my age band, occupation and interests", .signedIn,
                body: "ProfileInput", returns: "Profile", handleUpdateOwnProfile)

        // Segments: rule trees over profiles, previewed live, materialized on demand and on a schedule
        api.add(.POST, "/api/v1/segments/preview", "previewSegment",
                "How many profiles a rule selects now, the hold-out, and the spread over top-level regions",
                .permission(.audiencesManage), body: "SegmentInput", returns: "SegmentPreview", offload: true, handlePreviewSegment)
        api.add(.GET, "/api/v1/segments", "listSegments", "Saved segments with member counts and when computed",
                .permission(.audiencesManage), returns: "SegmentList", handleListSegments)
        api.add(.POST, "/api/v1/segments", "createSegment", "Save a segment (rule checked; references expanded, cycles refused)",
                .permission(.audiencesManage), body: "SegmentInput", returns: "Segment", status: 201, handleCreateSegment)
        api.add(.GET, "/api/v1/segments/{id}", "getSegment", "One segment", .permission(.audiencesManage), returns: "Segment",
                handleGetSegment)
        api.add(.PUT, "/api/v1/segments/{id}", "updateSegment", "Change a segment (expectedVersion guards against overwriting)",
                .permission(.audiencesManage), body: "SegmentInput", returns: "Segment", handleUpdateSegment)
        api.add(.DELETE, "/api/v1/segments/{id}", "deleteSegment", "Delete a segment no campaign, study task or segment uses",
                .permission(.audiencesManage), status: 204, handleDeleteSegment)
        api.add(.POST, "/api/v1/segments/{id}/recompute", "recomputeSegment",
                "Materialize the members now: rule ∪ includes − excludes, with the hold-out", .permission(.audiencesManage),
                returns: "Segment", handleRecomputeSegment)
        api.add(.GET, "/api/v1/segments/{id}/members", "listSegmentMembers", "Members as last computed (phones masked) and overrides",
                .permission(.audiencesManage), returns: "SegmentMembers", query: ["page", "pageSize"], handleSegmentMembers)
        api.add(.PUT, "/api/v1/segments/{id}/overrides/{profileId}", "setSegmentOverride",
                "Always include or always exclude a profile (from the next recompute)", .permission(.audiencesManage),
                body: "SegmentOverrideInput", status: 204, handlePutSegmentOverride)
        api.add(.DELETE, "/api/v1/segments/{id}/overrides/{profileId}", "deleteSegmentOverride", "Remove an include or exclude",
                .permission(.audiencesManage), status: 204, handleDeleteSegmentOverride)

        // Audit
        api.add(.GET, "/api/v1/audit", "listAuditLog", "Staff actions, newest first", .permission(.auditRead),
                returns: "AuditPage", query: ["page", "pageSize"], handleAudit)
    }
}
