import Database

extension Migrations {
    /// Targeted delivery: profiles and the facts derived from behaviour, segments and their members, campaigns with
    /// their runs and deliveries, the in-app inbox, group robots (DingTalk/WeCom webhooks), study tasks with reminders
    /// and follow-ups, and uploaded images.
    static let audience = Migration("009_audience", """
        -- One profile per account and per resident who left a phone. Groups are a bit set (AudienceGroup.bit).
        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            user_id INTEGER UNIQUE REFERENCES users(id),
            -- Personal information: masked in lists and exports.
            phone TEXT UNIQUE CHECK (phone IS NULL OR (length(phone) = 11 AND phone NOT GLOB '*[^0-9]*')),
            display_name TEXT NOT NULL,
            groups_mask INTEGER NOT NULL DEFAULT 0 CHECK (groups_mask BETWEEN 0 AND 255),
            unit_id INTEGER REFERENCES units(id),
            region_id INTEGER REFERENCES regions(id),
            age_band TEXT CHECK (age_band IS NULL OR age_band IN ('under18', '18-34', '35-59', '60+')),
            occupation TEXT,
            interests_json TEXT NOT NULL DEFAULT '[]',
            last_active_at INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK (user_id IS NOT NULL OR phone IS NOT NULL)
        );
        CREATE INDEX profiles_unit ON profiles(unit_id);
        CREATE INDEX profiles_region ON profiles(region_id);

        -- A resident's browser keeps a token for its profile (given when a quiz entry leaves one); only the digest is kept.
        CREATE TABLE profile_tokens (
            token_digest TEXT PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- Marks per knowledge point per Beijing day, from exams and quizzes: accuracy over any window is a sum.
        CREATE TABLE profile_topic_days (
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            topic TEXT NOT NULL,
            day TEXT NOT NULL,
            answered INTEGER NOT NULL CHECK (answered >= 0),
            correct REAL NOT NULL CHECK (correct >= 0),
            PRIMARY KEY (profile_id, topic, day)
        ) WITHOUT ROWID;
        CREATE INDEX profile_topic_days_topic ON profile_topic_days(topic, day);

        -- Reading: effective seconds (visible and focused), finished when the piece's minimum is met.
        CREATE TABLE profile_reads (
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            content_id INTEGER NOT NULL REFERENCES content(id),
            seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
            first_at INTEGER NOT NULL,
            last_at INTEGER NOT NULL,
            finished_at INTEGER,
            PRIMARY KEY (profile_id, content_id)
        ) WITHOUT ROWID;
        CREATE INDEX profile_reads_content ON profile_reads(content_id, finished_at);

        CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
            description TEXT NOT NULL DEFAULT '',
            rule_json TEXT NOT NULL,
            -- Members whose deterministic draw falls below this percentage are kept unreached, to measure effect.
            holdout_percent INTEGER NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
            version INTEGER NOT NULL DEFAULT 1,
            created_by TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            computed_at INTEGER,
            member_count INTEGER NOT NULL DEFAULT 0,
            holdout_count INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE segment_members (
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            holdout INTEGER NOT NULL DEFAULT 0 CHECK (holdout IN (0, 1)),
            PRIMARY KEY (segment_id, profile_id)
        ) WITHOUT ROWID;

        CREATE TABLE segment_overrides (
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            mode TEXT NOT NULL CHECK (mode IN ('include', 'exclude')),
            added_by TEXT,
            added_at INTEGER NOT NULL,
            PRIMARY KEY (segment_id, profile_id)
        ) WITHOUT ROWID;

        -- Group robots (DingTalk or WeCom webhooks), optionally for a unit or region subtree.
        CREATE TABLE robots (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
            kind TEXT NOT NULL CHECK (kind IN ('dingtalk', 'wecom')),
            url TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
            secret TEXT,
            unit_id INTEGER REFERENCES units(id),
            region_id INTEGER REFERENCES regions(id),
            enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
            content_id INTEGER NOT NULL REFERENCES content(id),
            segment_id INTEGER NOT NULL REFERENCES segments(id),
            channels_json TEXT NOT NULL,
            robot_ids_json TEXT NOT NULL DEFAULT '[]',
            message TEXT NOT NULL DEFAULT '',
            schedule TEXT NOT NULL CHECK (schedule IN ('now', 'at', 'yearly')),
            starts_at INTEGER,
            -- For yearly campaigns: "12-04 09:00" (Beijing).
            yearly TEXT,
            priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
            rate_per_minute INTEGER NOT NULL DEFAULT 6000 CHECK (rate_per_minute BETWEEN 1 AND 1000000),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'done', 'cancelled')),
            created_by TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );

        -- One run per sending (a yearly campaign has one per year). The audience is frozen when the run starts.
        CREATE TABLE campaign_runs (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
            starts_at INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'sending', 'paused', 'done', 'cancelled')),
            frozen_at INTEGER,
            audience INTEGER NOT NULL DEFAULT 0,
            held_out INTEGER NOT NULL DEFAULT 0,
            finished_at INTEGER,
            UNIQUE (campaign_id, starts_at)
        );

        CREATE TABLE study_tasks (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 60),
            content_id INTEGER NOT NULL REFERENCES content(id),
            segment_id INTEGER REFERENCES segments(id),
            deadline INTEGER NOT NULL,
            min_seconds INTEGER NOT NULL CHECK (min_seconds BETWEEN 0 AND 36000),
            remind_days_json TEXT NOT NULL DEFAULT '[3,1]',
            escalate INTEGER NOT NULL DEFAULT 1 CHECK (escalate IN (0, 1)),
            robot_ids_json TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
            created_by TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE task_assignees (
            task_id INTEGER NOT NULL REFERENCES study_tasks(id),
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            assigned_at INTEGER NOT NULL,
            completed_at INTEGER,
            -- The last reminder step queued ('remind-3', 'remind-1') and how far it has been escalated (0, 1, 2).
            reminded TEXT NOT NULL DEFAULT '',
            escalation INTEGER NOT NULL DEFAULT 0 CHECK (escalation BETWEEN 0 AND 2),
            PRIMARY KEY (task_id, profile_id)
        ) WITHOUT ROWID;
        CREATE INDEX task_assignees_profile ON task_assignees(profile_id);

        -- The last escalation: a task for the caseworker or unit contact.
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES study_tasks(id),
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            unit_id INTEGER REFERENCES units(id),
            created_at INTEGER NOT NULL,
            resolved_at INTEGER,
            resolved_by TEXT,
            note TEXT,
            UNIQUE (task_id, profile_id)
        );

        -- One delivery per (source, person, channel), even after a crash: `source` is 'run:12' for a campaign run or
        -- 'task:3:remind-1' for a study-task step. Over-cap and quiet-hour deliveries move `due_at`, never vanish.
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            run_id INTEGER REFERENCES campaign_runs(id),
            task_id INTEGER REFERENCES study_tasks(id),
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            content_id INTEGER NOT NULL REFERENCES content(id),
            channel TEXT NOT NULL CHECK (channel IN ('inbox')),
            priority INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
            due_at INTEGER NOT NULL,
            deferrals INTEGER NOT NULL DEFAULT 0,
            last_reason TEXT,
            sent_at INTEGER,
            UNIQUE (source, profile_id, channel),
            CHECK ((run_id IS NULL) <> (task_id IS NULL))
        );
        CREATE INDEX deliveries_queue ON deliveries(status, priority DESC, due_at) WHERE status = 'pending';
        CREATE INDEX deliveries_run ON deliveries(run_id, status);
        CREATE INDEX deliveries_profile_sent ON deliveries(profile_id, sent_at);

        -- The in-app inbox: written in the same transaction that marks its delivery sent.
        CREATE TABLE inbox (
            delivery_id INTEGER PRIMARY KEY REFERENCES deliveries(id),
            profile_id INTEGER NOT NULL REFERENCES profiles(id),
            content_id INTEGER NOT NULL REFERENCES content(id),
            kind TEXT NOT NULL CHECK (kind IN ('campaign', 'reminder', 'escalation')),
            note TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            seen_at INTEGER
        );
        CREATE INDEX inbox_profile ON inbox(profile_id, created_at);

        -- One message per (source, robot). 'sending' is written before the request: a crash leaves it 'unknown' on
        -- restart (shown to staff to resend), never posted twice on its own.
        CREATE TABLE robot_messages (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            robot_id INTEGER NOT NULL REFERENCES robots(id),
            content_id INTEGER NOT NULL REFERENCES content(id),
            body_json TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_at INTEGER NOT NULL,
            last_error TEXT,
            sent_at INTEGER,
            created_at INTEGER NOT NULL,
            UNIQUE (source, robot_id)
        );
        CREATE INDEX robot_messages_queue ON robot_messages(status, next_at);

        -- Images for teaching material, checked by their bytes (PNG, JPEG, GIF, WebP) and size; addressed by digest.
        CREATE TABLE media (
            digest TEXT PRIMARY KEY,
            mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
            size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 2097152),
            width INTEGER,
            height INTEGER,
            bytes BLOB NOT NULL,
            uploaded_by TEXT,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """)
}
