/// The SQL behind study tasks (学习任务), effective reading, reminders, escalation and the feed, by name.
enum StudyTaskSQL {
    // Profiles
    static let usersByName = """
        SELECT u.id, u.username FROM users u WHERE u.username IN (SELECT value FROM json_each(?))
        """
    static let profilesByIds = "SELECT id FROM profiles WHERE id IN (SELECT value FROM json_each(?))"
    static let segmentMembers = "SELECT profile_id FROM segment_members WHERE segment_id = ? AND holdout = 0"
    static let segmentExists = "SELECT 1 FROM segments WHERE id = ?"

    // Reading
    static let readablePiece = """
        SELECT c.id, length(v.body) AS characters FROM content c
        JOIN content_versions v ON v.content_id = c.id AND v.version = c.version
        WHERE c.slug = ? AND c.status = 'published'
          AND (c.publish_day IS NULL OR c.publish_day <= ?) AND (c.expire_day IS NULL OR c.expire_day >= ?)
        """
    static let strictestTask = """
        SELECT max(t.min_seconds) FROM task_assignees a JOIN study_tasks t ON t.id = a.task_id
        WHERE a.profile_id = ? AND t.content_id = ? AND t.status = 'active'
        """
    static let readRow = "SELECT seconds, last_at, finished_at FROM profile_reads WHERE profile_id = ? AND content_id = ?"
    static let upsertRead = """
        INSERT INTO profile_reads (profile_id, content_id, seconds, first_at, last_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (profile_id, content_id) DO UPDATE SET seconds = excluded.seconds, last_at = excluded.last_at,
            finished_at = coalesce(profile_reads.finished_at, excluded.finished_at)
        """
    static let completeTasks = """
        UPDATE task_assignees SET completed_at = ? WHERE profile_id = ? AND completed_at IS NULL
          AND task_id IN (SELECT id FROM study_tasks WHERE content_id = ? AND status = 'active' AND min_seconds <= ?)
        RETURNING task_id
        """
    static let touchProfile = "UPDATE profiles SET last_active_at = ? WHERE id = ?"

    // Tasks
    static let insertTask = """
        INSERT INTO study_tasks (title, content_id, segment_id, deadline, min_seconds, remind_days_json, escalate, robot_ids_json,
                                 created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertAssignee = """
        INSERT INTO task_assignees (task_id, profile_id, assigned_at, completed_at)
        VALUES (?1, ?2, ?3, (SELECT r.finished_at FROM profile_reads r WHERE r.profile_id = ?2 AND r.content_id = ?4
                             AND r.seconds >= ?5 AND r.finished_at IS NOT NULL))
        ON CONFLICT DO NOTHING
        """
    static let taskColumns = """
        t.id, t.title, t.content_id, c.slug, c.title AS content_title, t.segment_id, t.deadline, t.min_seconds, t.remind_days_json,
        t.escalate, t.robot_ids_json, t.status, t.created_by, t.created_at,
        (SELECT count(*) FROM task_assignees a WHERE a.task_id = t.id) AS assignees,
        (SELECT count(*) FROM task_assignees a WHERE a.task_id = t.id AND a.completed_at IS NOT NULL) AS completed
        """
    static let tasks = "SELECT \(taskColumns) FROM study_tasks t JOIN content c ON c.id = t.content_id ORDER BY t.id DESC"
    static let task = "SELECT \(taskColumns) FROM study_tasks t JOIN content c ON c.id = t.content_id WHERE t.id = ?"
    static let activeTasks = "SELECT \(taskColumns) FROM study_tasks t JOIN content c ON c.id = t.content_id WHERE t.status = 'active'"
    static let closeTask = "UPDATE study_tasks SET status = 'closed', updated_at = ? WHERE id = ? AND status = 'active'"
    static let assignees = """
        SELECT a.profile_id, a.assigned_at, a.completed_at, a.reminded, a.escalation, p.display_name, p.unit_id, un.name AS unit_name,
               u.username, coalesce(p.phone, u.phone) AS phone, coalesce(r.seconds, 0) AS seconds,
               (SELECT count(*) FROM deliveries d WHERE d.task_id = a.task_id AND d.profile_id = a.profile_id) AS reminders
        FROM task_assignees a JOIN study_tasks t ON t.id = a.task_id JOIN profiles p ON p.id = a.profile_id
        LEFT JOIN users u ON u.id = p.user_id LEFT JOIN units un ON un.id = p.unit_id
        LEFT JOIN profile_reads r ON r.profile_id = a.profile_id AND r.content_id = t.content_id
        WHERE a.task_id = ? ORDER BY un.name, p.display_name, a.profile_id
        """
    static let myTasks = """
        SELECT \(taskColumns), a.completed_at AS my_completed_at, coalesce(r.seconds, 0) AS my_seconds
        FROM task_assignees a JOIN study_tasks t ON t.id = a.task_id JOIN content c ON c.id = t.content_id
        LEFT JOIN profile_reads r ON r.profile_id = a.profile_id AND r.content_id = t.content_id
        WHERE a.profile_id = ? AND t.status = 'active' ORDER BY (a.completed_at IS NOT NULL), t.deadline
        """

    // Reminders and escalation
    static let openAssignees = """
        SELECT a.profile_id, a.reminded, a.escalation, p.display_name, p.unit_id, p.region_id
        FROM task_assignees a JOIN profiles p ON p.id = a.profile_id WHERE a.task_id = ? AND a.completed_at IS NULL
        """
    static let insertDelivery = """
        INSERT INTO deliveries (source, task_id, profile_id, content_id, channel, priority, status, due_at)
        VALUES (?, ?, ?, ?, 'inbox', 9, 'pending', ?) ON CONFLICT DO NOTHING
        """
    static let setReminded = "UPDATE task_assignees SET reminded = ? WHERE task_id = ? AND profile_id = ?"
    static let setEscalation = "UPDATE task_assignees SET escalation = ? WHERE task_id = ? AND profile_id = ? AND escalation < ?"
    static let robotsByIds = """
        SELECT id, unit_id, region_id FROM robots WHERE enabled = 1 AND id IN (SELECT value FROM json_each(?)) ORDER BY id
        """
    static let robotsExisting = "SELECT id FROM robots WHERE id IN (SELECT value FROM json_each(?))"
    static let insertRobotMessage = """
        INSERT INTO robot_messages (source, robot_id, content_id, body_json, status, next_at, created_at)
        VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING
        """
    static let insertFollowup = """
        INSERT INTO followups (task_id, profile_id, unit_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    static let unitParents = "SELECT id, parent_id FROM units"
    static let regionParents = "SELECT id, parent_id, name FROM regions"

    // Follow-ups
    static let followups = """
        SELECT f.id, f.task_id, t.title AS task_title, f.profile_id, p.display_name, u.username, f.unit_id, un.name AS unit_name,
               f.created_at, f.resolved_at, f.resolved_by, f.note
        FROM followups f JOIN study_tasks t ON t.id = f.task_id JOIN profiles p ON p.id = f.profile_id
        LEFT JOIN users u ON u.id = p.user_id LEFT JOIN units un ON un.id = f.unit_id
        WHERE (?1 = 1 OR f.resolved_at IS NULL) ORDER BY f.resolved_at IS NOT NULL, f.created_at DESC, f.id DESC LIMIT 500
        """
    static let resolveFollowup = """
        UPDATE followups SET resolved_at = ?, resolved_by = ?, note = ? WHERE id = ? AND resolved_at IS NULL
        """
    static let followupExists = "SELECT 1 FROM followups WHERE id = ?"

    // Feed
    static let feedCandidates = """
        SELECT c.id, c.slug, c.version, c.title, c.publish_day, c.updated_at, v.meta_json FROM content c
        JOIN content_versions v ON v.content_id = c.id AND v.version = c.version
        WHERE c.status = 'published' AND (c.publish_day IS NULL OR c.publish_day <= ?1) AND (c.expire_day IS NULL OR c.expire_day >= ?1)
        """
    static let feedProfile = "SELECT groups_mask, region_id, interests_json FROM profiles WHERE id = ?"
    static let feedTopicDays = "SELECT topic, day, answered, correct FROM profile_topic_days WHERE profile_id = ? AND day >= ?"
    static let feedFinished = """
        SELECT c.slug FROM profile_reads r JOIN content c ON c.id = r.content_id WHERE r.profile_id = ? AND r.finished_at IS NOT NULL
        """
    static let feedTasks = """
        SELECT c.slug, min(t.deadline) AS deadline FROM task_assignees a JOIN study_tasks t ON t.id = a.task_id
        JOIN content c ON c.id = t.content_id
        WHERE a.profile_id = ? AND a.completed_at IS NULL AND t.status = 'active' GROUP BY c.slug
        """
    static let feedInbox = """
        SELECT DISTINCT c.slug FROM inbox i JOIN content c ON c.id = i.content_id WHERE i.profile_id = ? AND i.seen_at IS NULL
        """

    static let every = [usersByName, profilesByIds, segmentMembers,
                        segmentExists, readablePiece, strictestTask, readRow, upsertRead, completeTasks, touchProfile, insertTask,
                        insertAssignee, tasks, task, activeTasks, closeTask, assignees, myTasks, openAssignees, insertDelivery,
                        setReminded, setEscalation, robotsByIds, robotsExisting, insertRobotMessage, insertFollowup, unitParents,
                        regionParents, followups, resolveFollowup, followupExists, feedCandidates, feedProfile, feedTopicDays,
                        feedFinished, feedTasks, feedInbox]
}
