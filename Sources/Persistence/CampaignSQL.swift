/// The SQL behind campaigns, their runs and deliveries, the inbox and group robots, by name.
enum CampaignSQL {
    static let campaignColumns = """
        k.id, k.name, k.content_id, k.segment_id, k.channels_json, k.robot_ids_json, k.message, k.schedule, k.starts_at, k.yearly,
        k.priority, k.rate_per_minute, k.status, k.created_by, k.created_at, k.updated_at,
        c.slug AS content_slug, c.title AS content_title, s.name AS segment_name
        """
    static let campaignFrom = "FROM campaigns k JOIN content c ON c.id = k.content_id JOIN segments s ON s.id = k.segment_id"
    static let campaigns = "SELECT \(campaignColumns) \(campaignFrom) ORDER BY k.id DESC"
    static let campaign = "SELECT \(campaignColumns) \(campaignFrom) WHERE k.id = ?"
    static let insertCampaign = """
        INSERT INTO campaigns (name, content_id, segment_id, channels_json, robot_ids_json, message, schedule, starts_at, yearly,
                               priority, rate_per_minute, created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let updateCampaign = """
        UPDATE campaigns SET name = ?, content_id = ?, segment_id = ?, channels_json = ?, robot_ids_json = ?, message = ?, schedule = ?,
                             starts_at = ?, yearly = ?, priority = ?, rate_per_minute = ?, updated_at = ?
        WHERE id = ? AND status = 'draft'
        """
    static let setCampaignStatus = "UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?"

    static let runColumns = "id, campaign_id, starts_at, status, frozen_at, audience, held_out, finished_at"
    static let runs = "SELECT \(runColumns) FROM campaign_runs WHERE campaign_id = ? ORDER BY id DESC"
    static let run = "SELECT \(runColumns) FROM campaign_runs WHERE id = ?"
    static let insertRun = """
        INSERT INTO campaign_runs (campaign_id, starts_at, status) VALUES (?, ?, 'scheduled') ON CONFLICT (campaign_id, starts_at) DO NOTHING
        """
    static let dueRuns = """
        SELECT r.id FROM campaign_runs r JOIN campaigns k ON k.id = r.campaign_id
        WHERE r.status = 'scheduled' AND r.starts_at <= ? AND k.status = 'scheduled' ORDER BY k.priority DESC, r.starts_at
        """
    static let sendingRuns = """
        SELECT r.id, r.campaign_id, k.priority, k.rate_per_minute, k.message FROM campaign_runs r JOIN campaigns k ON k.id = r.campaign_id
        WHERE r.status = 'sending' ORDER BY k.priority DESC, r.id
        """
    static let runSegment = "SELECT k.segment_id FROM campaign_runs r JOIN campaigns k ON k.id = r.campaign_id WHERE r.id = ?"
    static let startRun = "UPDATE campaign_runs SET status = 'sending', frozen_at = ? WHERE id = ? AND status = 'scheduled'"
    static let setRunCounts = "UPDATE campaign_runs SET audience = ?, held_out = ? WHERE id = ?"
    static let setRunStatus = "UPDATE campaign_runs SET status = ? WHERE id = ? AND status = ?"
    static let finishRun = "UPDATE campaign_runs SET status = 'done', finished_at = ? WHERE id = ? AND status = 'sending'"
    static let cancelRuns = """
        UPDATE campaign_runs SET status = 'cancelled', finished_at = ? WHERE campaign_id = ? AND status IN ('scheduled', 'sending', 'paused')
        """

    // Freezing the audience: one statement however large the segment.
    static let freeze = """
        INSERT INTO deliveries (source, run_id, profile_id, content_id, channel, priority, due_at)
        SELECT ?, ?, profile_id, ?, 'inbox', ?, ? FROM segment_members WHERE segment_id = ? AND holdout = 0
        ON CONFLICT (source, profile_id, channel) DO NOTHING
        """
    static let heldOut = "SELECT count(*) FROM segment_members WHERE segment_id = ? AND holdout = 1"
    static let runAudience = "SELECT count(*) FROM deliveries WHERE run_id = ?"
    static let runCounts = "SELECT status, count(*) AS n FROM deliveries WHERE run_id = ? GROUP BY status"
    static let runDeferred = """
        SELECT last_reason, count(*) AS n, max(due_at) AS latest FROM deliveries
        WHERE run_id = ? AND status = 'pending' AND deferrals > 0 GROUP BY last_reason
        """
    static let runLeft = """
        SELECT (SELECT count(*) FROM deliveries WHERE run_id = ? AND status = 'pending')
             + (SELECT count(*) FROM robot_messages WHERE source = ? AND status IN ('pending', 'sending'))
        """
    static let cancelDeliveries = "UPDATE deliveries SET status = 'cancelled' WHERE run_id = ? AND status = 'pending'"

    // The sender.
    static let dueForRun = """
        SELECT id, source, run_id, task_id, profile_id, content_id FROM deliveries
        WHERE status = 'pending' AND run_id = ? AND due_at <= ? ORDER BY priority DESC, due_at LIMIT ?
        """
    static let dueReminders = """
        SELECT id, source, run_id, task_id, profile_id, content_id FROM deliveries
        WHERE status = 'pending' AND run_id IS NULL AND due_at <= ? ORDER BY priority DESC, due_at LIMIT ?
        """
    // Reminders neither wait for the caps nor use them up: only campaign deliveries count.
    static let recentSends = """
        SELECT profile_id, sent_at FROM deliveries
        WHERE profile_id IN (SELECT value FROM json_each(?)) AND sent_at > ? AND status = 'sent' AND run_id IS NOT NULL
        """
    static let markSent = "UPDATE deliveries SET status = 'sent', sent_at = ? WHERE id = ? AND status = 'pending'"
    static let insertInbox = "INSERT INTO inbox (delivery_id, profile_id, content_id, kind, note, created_at) VALUES (?, ?, ?, ?, ?, ?)"
    static let deferDelivery = """
        UPDATE deliveries SET due_at = ?, deferrals = deferrals + 1, last_reason = ? WHERE id = ? AND status = 'pending'
        """

    // Group robots.
    static let robotColumns = "id, name, kind, url, secret, unit_id, region_id, enabled, created_at, updated_at"
    static let robots = "SELECT \(robotColumns) FROM robots ORDER BY name"
    static let robot = "SELECT \(robotColumns) FROM robots WHERE id = ?"
    static let insertRobot = """
        INSERT INTO robots (name, kind, url, secret, unit_id, region_id, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let updateRobot = """
        UPDATE robots SET name = ?, kind = ?, url = ?, secret = ?, unit_id = ?, region_id = ?, enabled = ?, updated_at = ? WHERE id = ?
        """
    static let robotNameTaken = "SELECT count(*) FROM robots WHERE name = ? AND id <> ?"
    /// Campaigns still to send (draft, scheduled, sending, paused) that post to robot ?1.
    static let campaignsUsingRobot = """
        SELECT name FROM campaigns WHERE status IN ('draft', 'scheduled', 'sending', 'paused')
        AND EXISTS (SELECT 1 FROM json_each(robot_ids_json) WHERE value = ?1) ORDER BY name
        """
    /// Open study tasks that escalate to robot ?1.
    static let tasksUsingRobot = """
        SELECT title FROM study_tasks WHERE status = 'active' AND EXISTS (SELECT 1 FROM json_each(robot_ids_json) WHERE value = ?1)
        ORDER BY title
        """
    static let robotMessageCount = "SELECT count(*) FROM robot_messages WHERE robot_id = ?"
    static let deleteRobot = "DELETE FROM robots WHERE id = ?"
    static let insertRobotMessage = """
        INSERT INTO robot_messages (source, robot_id, content_id, body_json, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (source, robot_id) DO NOTHING
        """
    static let messageColumns = """
        m.id, m.source, m.robot_id, m.content_id, m.body_json, m.status, m.attempts, m.next_at, m.last_error, m.sent_at,
        r.name AS robot_name, r.kind, r.url, r.secret
        """
    static let dueRobotMessages = """
        SELECT \(messageColumns) FROM robot_messages m JOIN robots r ON r.id = m.robot_id
        WHERE m.status = 'pending' AND m.next_at <= ?
          AND NOT EXISTS (SELECT 1 FROM campaign_runs cr WHERE m.source = 'run:' || cr.id AND cr.status IN ('paused', 'cancelled'))
        ORDER BY m.next_at LIMIT ?
        """
    static let robotMessagesFor = "SELECT \(messageColumns) FROM robot_messages m JOIN robots r ON r.id = m.robot_id WHERE m.source = ? ORDER BY r.name"
    static let robotMessage = "SELECT \(messageColumns) FROM robot_messages m JOIN robots r ON r.id = m.robot_id WHERE m.id = ?"
    // 'sending' is committed before the request goes out, so a crash can never post twice on its own.
    static let claimRobotMessage = "UPDATE robot_messages SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'"
    static let robotSent = "UPDATE robot_messages SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'sending'"
    static let robotFailed = "UPDATE robot_messages SET status = ?, next_at = ?, last_error = ? WHERE id = ? AND status = 'sending'"
    static let robotInterrupted = "UPDATE robot_messages SET status = 'unknown', last_error = ? WHERE status = 'sending'"
    static let robotResend = """
        UPDATE robot_messages SET status = 'pending', attempts = 0, next_at = ?, last_error = NULL WHERE id = ? AND status IN ('failed', 'unknown')
        """
    static let cancelRobotMessages = "UPDATE robot_messages SET status = 'failed', last_error = ? WHERE source = ? AND status = 'pending'"

    // The inbox and who is asking.
    static let inbox = """
        SELECT i.delivery_id, i.kind, i.note, i.created_at, i.seen_at, c.slug, c.title, json_extract(v.meta_json, '$.summary') AS summary,
               r.campaign_id
        FROM inbox i JOIN content c ON c.id = i.content_id JOIN content_versions v ON v.content_id = c.id AND v.version = c.version
        JOIN deliveries d ON d.id = i.delivery_id LEFT JOIN campaign_runs r ON r.id = d.run_id
        WHERE i.profile_id = ? ORDER BY i.created_at DESC, i.delivery_id DESC LIMIT ?
        """
    static let unread = "SELECT count(*) FROM inbox WHERE profile_id = ? AND seen_at IS NULL"
    static let markSeen = "UPDATE inbox SET seen_at = coalesce(seen_at, ?) WHERE delivery_id = ? AND profile_id = ?"
    static let segments = "SELECT id, name, member_count, holdout_count, computed_at FROM segments ORDER BY name"
    static let segmentExists = "SELECT count(*) FROM segments WHERE id = ?"
    static let contentExists = "SELECT id FROM content WHERE slug = ?"
    static let contentSummary = """
        SELECT json_extract(v.meta_json, '$.summary') FROM content c JOIN content_versions v ON v.content_id = c.id AND v.version = c.version
        WHERE c.id = ?
        """

    static let every = [campaigns, campaign, insertCampaign, updateCampaign, setCampaignStatus, runs, run, insertRun, dueRuns, sendingRuns,
                        runSegment, startRun, setRunCounts, setRunStatus, finishRun, cancelRuns, freeze, heldOut, runAudience, runCounts, runDeferred,
                        runLeft, cancelDeliveries, dueForRun, dueReminders, recentSends, markSent, insertInbox, deferDelivery, robots, robot,
                        insertRobot, updateRobot, robotNameTaken, campaignsUsingRobot, tasksUsingRobot, robotMessageCount, deleteRobot, insertRobotMessage, dueRobotMessages, robotMessagesFor, robotMessage,
                        claimRobotMessage, robotSent, robotFailed, robotInterrupted, robotResend, cancelRobotMessages, inbox, unread,
                        markSeen, segments, segmentExists,
                        contentExists, contentSummary]
}
