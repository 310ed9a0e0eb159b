// Translations for every string the web shell shows, and the machinery that swaps them in place.
//
// Elements carry their key in data-i18n (text) or data-i18n-attr ("attr=key;attr2=key2"), with optional
// arguments as JSON in data-i18n-args, so a language switch rewrites the page without re-fetching data.
// Simplified Chinese is the default; the choice is remembered in localStorage under "pufa.lang".

const STORAGE_KEY = 'pufa.lang';
export const LANGS = ['zh-CN', 'en'];

const zh = {
  'site.name': '普法',
  'site.org': '司法局普法平台',
  'skip': '跳到主要内容',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'loading': '加载中…',
  'retry': '重试',
  'none': '无',
  'close': '关闭',
  'cancel': '取消',
  'save': '保存',
  'confirm': '确定',
  'yes': '是',
  'no': '否',

  'door.portal': '群众普法门户',
  'door.exam': '公职人员考试中心',
  'door.admin': '工作人员后台',

  'user.signedInAs': '当前用户：{name}',
  'user.logout': '退出登录',
  'user.loggedOut': '您已退出登录。',
  'user.changePassword': '修改密码',

  'login.staffTitle': '工作人员登录',
  'login.examTitle': '考生登录',
  'login.intro': '请使用单位分配的账号登录。',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'login.expired': '登录已失效，请重新登录。',
  'login.forgot': '忘记密码请联系本单位管理员重置。',
  'login.welcome': '欢迎，{name}',

  'password.title': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '再次输入新密码',
  'password.mismatch': '两次输入的新密码不一致。',
  'password.changed': '密码已修改。',
  'password.generate': '生成随机密码',
  'password.hint': '请设置不易被猜到的密码，建议不少于 12 位。',

  'error.invalid_credentials': '用户名或密码错误。',
  'error.throttled': '尝试次数过多，请 {seconds} 秒后再试。',
  'error.throttledSoon': '尝试次数过多，请稍后再试。',
  'error.account_disabled': '该账号已停用，请联系管理员。',
  'error.unauthenticated': '登录已失效，请重新登录。',
  'error.forbidden': '您没有执行此操作的权限。',
  'error.not_found': '要找的内容不存在或已被删除。',
  'error.csrf_failed': '页面已过期，请刷新后重试。',
  'error.validation_failed': '请检查填写的内容：{message}',
  'error.conflict': '与已有数据冲突：{message}',
  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.timeout': '服务器响应超时，请稍后重试。',
  'error.http': '请求失败（HTTP {status}）。',
  'error.required': '请填写“{field}”。',

  'portal.heroTitle': '学法用法，从身边开始',
  'portal.heroText': '参加有奖竞答、阅读贴近生活的普法内容，了解与自己相关的法律知识。',
  'portal.quizTitle': '有奖竞答',
  'portal.quizEmpty': '本期竞答尚未开始',
  'portal.quizHint': '竞答开始后，这里会显示题目、规则和奖品，答题后即时给出解析和法律依据。',
  'portal.studyTitle': '普法学习',
  'portal.studyEmpty': '学习内容正在准备中',
  'portal.studyHint': '普法文章上线后会出现在这里，可按主题选择阅读。',
  'portal.moreTitle': '其他入口',
  'portal.examLink': '公职人员考试中心',
  'portal.examLinkHint': '参加年度学法考试',
  'portal.adminLink': '工作人员后台',
  'portal.adminLinkHint': '普法工作人员和管理员使用',

  'exam.mine': '我的考试',
  'exam.empty': '暂无待参加的考试',
  'exam.emptyHint': '组织单位发布考试后，会在这里显示考试名称、开放时间和时长。',
  'exam.noPermission': '此账号没有参加考试的权限。如需参加考试，请联系本单位管理员。',
  'exam.footerPortal': '返回群众普法门户',

  'admin.nav': '后台导航',
  'admin.menu': '菜单',
  'admin.noConsole': '此账号没有访问工作人员后台的权限。',
  'admin.noConsoleHint': '公职人员请前往考试中心参加考试。',
  'admin.goExam': '前往考试中心',
  'admin.noSection': '您没有查看此栏目的权限。',
  'admin.footerPortal': '群众普法门户',
  'admin.footerExam': '公职人员考试中心',

  'nav.overview': '概览',
  'nav.users': '用户管理',
  'nav.units': '单位',
  'nav.regions': '地区',
  'nav.audit': '审计日志',

  'overview.account': '我的账号',
  'overview.displayName': '姓名',
  'overview.username': '用户名',
  'overview.roles': '角色',
  'overview.unit': '所属单位',
  'overview.region': '所属地区',
  'overview.lastLogin': '上次登录',
  'overview.permissions': '权限',
  'overview.byRole': '各角色用户数',
  'overview.byRoleNote': '一个用户可以有多个角色，因此各角色人数之和可能大于用户总数。',
  'overview.total': '用户总数：{n}',
  'overview.role': '角色',
  'overview.count': '人数',

  'users.search': '搜索用户名或姓名',
  'users.role': '角色',
  'users.allRoles': '全部角色',
  'users.searchButton': '搜索',
  'users.create': '新建用户',
  'users.colUsername': '用户名',
  'users.colName': '姓名',
  'users.colRoles': '角色',
  'users.colUnit': '单位',
  'users.colRegion': '地区',
  'users.colStatus': '状态',
  'users.colLastLogin': '上次登录',
  'users.colActions': '操作',
  'users.active': '正常',
  'users.disabled': '已停用',
  'users.never': '从未登录',
  'users.edit': '编辑',
  'users.editLabel': '编辑 {name}',
  'users.disable': '停用',
  'users.disableLabel': '停用 {name}',
  'users.enable': '启用',
  'users.enableLabel': '启用 {name}',
  'users.resetPassword': '重置密码',
  'users.resetPasswordLabel': '重置 {name} 的密码',
  'users.empty': '没有符合条件的用户。',
  'users.createTitle': '新建用户',
  'users.editTitle': '编辑用户：{name}',
  'users.resetTitle': '重置密码：{name}',
  'users.username': '用户名',
  'users.usernameHint': '用于登录，创建后不能修改。',
  'users.displayName': '姓名',
  'users.password': '初始密码',
  'users.newPassword': '新密码',
  'users.roles': '角色（可多选）',
  'users.unit': '所属单位',
  'users.region': '所属地区',
  'users.rolesRequired': '请至少选择一个角色。',
  'users.created': '已创建用户“{name}”。',
  'users.saved': '已保存用户“{name}”。',
  'users.disabledDone': '已停用用户“{name}”。',
  'users.enabledDone': '已启用用户“{name}”。',
  'users.passwordReset': '已重置“{name}”的密码。',
  'users.confirmDisable': '停用后，“{name}”将无法登录。确定停用吗？',
  'users.confirmDisableTitle': '停用用户',
  'users.self': '（我）',

  'paging.prev': '上一页',
  'paging.next': '下一页',
  'paging.summary': '第 {page} / {pages} 页，共 {total} 条',
  'paging.label': '分页',

  'units.add': '添加单位',
  'units.addChild': '添加下级',
  'units.addChildLabel': '在“{name}”下添加单位',
  'units.parent': '上级单位',
  'units.topLevel': '（无，作为顶级单位）',
  'units.name': '单位名称',
  'units.code': '单位代码',
  'units.codeHint': '可选，例如组织机构代码或内部编号。',
  'units.empty': '还没有单位。先添加一个顶级单位，例如“县司法局”。',
  'units.created': '已添加单位“{name}”。',
  'units.intro': '单位用于组织考试名单和统计参考率、通过率。',

  'regions.addCounty': '添加县（区）',
  'regions.addChild': '添加下级',
  'regions.addChildLabel': '在“{name}”下添加{level}',
  'regions.addTitle': '添加{level}',
  'regions.parent': '上级地区',
  'regions.name': '名称',
  'regions.level': '级别',
  'regions.empty': '还没有地区。先添加一个县（区）。',
  'regions.created': '已添加{level}“{name}”。',
  'regions.intro': '地区分为县（区）、乡镇（街道）、村（社区）三级，用于群众竞答的地区排行和统计。',
  'level.county': '县（区）',
  'level.town': '乡镇（街道）',
  'level.village': '村（社区）',

  'audit.colTime': '时间',
  'audit.colActor': '操作人',
  'audit.colAction': '操作',
  'audit.colObject': '对象',
  'audit.colChanges': '变更内容',
  'audit.before': '变更前',
  'audit.after': '变更后',
  'audit.show': '查看',
  'audit.noChanges': '—',
  'audit.empty': '暂无审计日志。',
  'audit.intro': '记录账号、单位、地区等的每一次变更。时间为北京时间。',

  'role.admin': '管理员',
  'role.editor': '普法编辑',
  'role.organizer': '考试组织者',
  'role.official': '公职人员',
  'role.resident': '群众',

  'perm.users.manage': '管理用户',
  'perm.units.manage': '管理单位',
  'perm.regions.manage': '管理地区',
  'perm.audit.read': '查看审计日志',
  'perm.console.access': '进入后台',
  'perm.exams.take': '参加考试',
  'perm.portal.use': '使用群众门户',
  'perm.audiences.manage': '管理受众',
  'perm.campaigns.manage': '管理推送活动',
  'perm.content.manage': '管理普法内容',
  'perm.exams.manage': '管理考试',
  'perm.personal.reveal': '查看完整个人信息',
  'perm.questions.manage': '管理题库',
  'perm.quizzes.manage': '管理有奖竞答',

  'action.user.create': '创建用户',
  'action.user.update': '修改用户',
  'action.unit.create': '添加单位',
  'action.region.create': '添加地区',
  'action.auth.login': '登录',
  'action.auth.logout': '退出登录',

  'object.user': '用户',
  'object.unit': '单位',
  'object.region': '地区',
};

const en = {
  'site.name': 'Pufa',
  'site.org': 'Legal education platform of the Justice Bureau',
  'skip': 'Skip to main content',
  'lang.switch': '中文',
  'lang.switchLabel': '切换到中文',
  'loading': 'Loading…',
  'retry': 'Try again',
  'none': 'None',
  'close': 'Close',
  'cancel': 'Cancel',
  'save': 'Save',
  'confirm': 'Confirm',
  'yes': 'Yes',
  'no': 'No',

  'door.portal': 'Legal education for residents',
  'door.exam': 'Exam center for officials',
  'door.admin': 'Staff console',

  'user.signedInAs': 'Signed in as {name}',
  'user.logout': 'Sign out',
  'user.loggedOut': 'You have signed out.',
  'user.changePassword': 'Change password',

  'login.staffTitle': 'Staff sign-in',
  'login.examTitle': 'Candidate sign-in',
  'login.intro': 'Sign in with the account your unit gave you.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'login.expired': 'Your session has ended. Please sign in again.',
  'login.forgot': 'Forgot your password? Ask your unit\'s administrator to reset it.',
  'login.welcome': 'Welcome, {name}',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'New password again',
  'password.mismatch': 'The two new passwords do not match.',
  'password.changed': 'Your password has been changed.',
  'password.generate': 'Generate a random password',
  'password.hint': 'Choose a password that is hard to guess; 12 characters or more is recommended.',

  'error.invalid_credentials': 'Wrong username or password.',
  'error.throttled': 'Too many attempts. Try again in {seconds} seconds.',
  'error.throttledSoon': 'Too many attempts. Try again later.',
  'error.account_disabled': 'This account is disabled. Contact your administrator.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_found': 'What you are looking for does not exist or was deleted.',
  'error.csrf_failed': 'This page is out of date. Reload it and try again.',
  'error.validation_failed': 'Please check your input: {message}',
  'error.conflict': 'This conflicts with existing data: {message}',
  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again later.',
  'error.http': 'The request failed (HTTP {status}).',
  'error.required': 'Please fill in “{field}”.',

  'portal.heroTitle': 'Know the law that touches your life',
  'portal.heroText': 'Take prize quizzes and read short, practical pieces about the laws that matter to you.',
  'portal.quizTitle': 'Prize quizzes',
  'portal.quizEmpty': 'This round of the quiz has not started yet',
  'portal.quizHint': 'When a round opens, its questions, rules and prizes appear here, with an explanation and the article of law after each answer.',
  'portal.studyTitle': 'Legal reading',
  'portal.studyEmpty': 'Reading material is being prepared',
  'portal.studyHint': 'Articles will appear here once published, grouped by topic.',
  'portal.moreTitle': 'Other entrances',
  'portal.examLink': 'Exam center for officials',
  'portal.examLinkHint': 'Take the annual law exam',
  'portal.adminLink': 'Staff console',
  'portal.adminLinkHint': 'For legal-education staff and administrators',

  'exam.mine': 'My exams',
  'exam.empty': 'You have no exams to take',
  'exam.emptyHint': 'When an organizer publishes an exam for you, its name, opening time and duration appear here.',
  'exam.noPermission': 'This account cannot take exams. Contact your unit\'s administrator if you should.',
  'exam.footerPortal': 'Back to the residents\' portal',

  'admin.nav': 'Console navigation',
  'admin.menu': 'Menu',
  'admin.noConsole': 'This account cannot use the staff console.',
  'admin.noConsoleHint': 'Officials take their exams in the exam center.',
  'admin.goExam': 'Go to the exam center',
  'admin.noSection': 'You are not allowed to see this section.',
  'admin.footerPortal': 'Residents\' portal',
  'admin.footerExam': 'Exam center for officials',

  'nav.overview': 'Overview',
  'nav.users': 'Users',
  'nav.units': 'Units',
  'nav.regions': 'Regions',
  'nav.audit': 'Audit log',

  'overview.account': 'My account',
  'overview.displayName': 'Name',
  'overview.username': 'Username',
  'overview.roles': 'Roles',
  'overview.unit': 'Unit',
  'overview.region': 'Region',
  'overview.lastLogin': 'Last sign-in',
  'overview.permissions': 'Permissions',
  'overview.byRole': 'Users per role',
  'overview.byRoleNote': 'A user can have several roles, so the counts may add up to more than the number of users.',
  'overview.total': 'Users in total: {n}',
  'overview.role': 'Role',
  'overview.count': 'Users',

  'users.search': 'Search by username or name',
  'users.role': 'Role',
  'users.allRoles': 'All roles',
  'users.searchButton': 'Search',
  'users.create': 'New user',
  'users.colUsername': 'Username',
  'users.colName': 'Name',
  'users.colRoles': 'Roles',
  'users.colUnit': 'Unit',
  'users.colRegion': 'Region',
  'users.colStatus': 'Status',
  'users.colLastLogin': 'Last sign-in',
  'users.colActions': 'Actions',
  'users.active': 'Active',
  'users.disabled': 'Disabled',
  'users.never': 'Never',
  'users.edit': 'Edit',
  'users.editLabel': 'Edit {name}',
  'users.disable': 'Disable',
  'users.disableLabel': 'Disable {name}',
  'users.enable': 'Enable',
  'users.enableLabel': 'Enable {name}',
  'users.resetPassword': 'Reset password',
  'users.resetPasswordLabel': 'Reset the password of {name}',
  'users.empty': 'No users match.',
  'users.createTitle': 'New user',
  'users.editTitle': 'Edit user: {name}',
  'users.resetTitle': 'Reset password: {name}',
  'users.username': 'Username',
  'users.usernameHint': 'Used to sign in; cannot be changed later.',
  'users.displayName': 'Name',
  'users.password': 'Initial password',
  'users.newPassword': 'New password',
  'users.roles': 'Roles (choose one or more)',
  'users.unit': 'Unit',
  'users.region': 'Region',
  'users.rolesRequired': 'Choose at least one role.',
  'users.created': 'User “{name}” created.',
  'users.saved': 'User “{name}” saved.',
  'users.disabledDone': 'User “{name}” disabled.',
  'users.enabledDone': 'User “{name}” enabled.',
  'users.passwordReset': 'The password of “{name}” was reset.',
  'users.confirmDisable': '“{name}” will no longer be able to sign in. Disable this user?',
  'users.confirmDisableTitle': 'Disable user',
  'users.self': ' (me)',

  'paging.prev': 'Previous',
  'paging.next': 'Next',
  'paging.summary': 'Page {page} of {pages}, {total} in total',
  'paging.label': 'Pages',

  'units.add': 'Add unit',
  'units.addChild': 'Add sub-unit',
  'units.addChildLabel': 'Add a unit under “{name}”',
  'units.parent': 'Parent unit',
  'units.topLevel': '(none: a top-level unit)',
  'units.name': 'Unit name',
  'units.code': 'Unit code',
  'units.codeHint': 'Optional, e.g. the organization code or an internal number.',
  'units.empty': 'No units yet. Start with a top-level unit such as the county justice bureau.',
  'units.created': 'Unit “{name}” added.',
  'units.intro': 'Units organize exam rosters and the participation and pass rates.',

  'regions.addCounty': 'Add county',
  'regions.addChild': 'Add below',
  'regions.addChildLabel': 'Add a {level} under “{name}”',
  'regions.addTitle': 'Add a {level}',
  'regions.parent': 'Parent region',
  'regions.name': 'Name',
  'regions.level': 'Level',
  'regions.empty': 'No regions yet. Start with a county.',
  'regions.created': 'Added {level} “{name}”.',
  'regions.intro': 'Regions have three levels (county, town, village) and drive the regional quiz rankings and figures.',
  'level.county': 'county',
  'level.town': 'town',
  'level.village': 'village',

  'audit.colTime': 'Time',
  'audit.colActor': 'Actor',
  'audit.colAction': 'Action',
  'audit.colObject': 'Object',
  'audit.colChanges': 'Changes',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.show': 'Show',
  'audit.noChanges': '—',
  'audit.empty': 'No audit entries yet.',
  'audit.intro': 'Every change to accounts, units and regions. Times are Beijing time.',

  'role.admin': 'Administrator',
  'role.editor': 'Content editor',
  'role.organizer': 'Exam organizer',
  'role.official': 'Official',
  'role.resident': 'Resident',

  'perm.users.manage': 'Manage users',
  'perm.units.manage': 'Manage units',
  'perm.regions.manage': 'Manage regions',
  'perm.audit.read': 'Read the audit log',
  'perm.console.access': 'Use the console',
  'perm.exams.take': 'Take exams',
  'perm.portal.use': 'Use the residents\' portal',
  'perm.audiences.manage': 'Manage audiences',
  'perm.campaigns.manage': 'Manage campaigns',
  'perm.content.manage': 'Manage content',
  'perm.exams.manage': 'Manage exams',
  'perm.personal.reveal': 'See full personal information',
  'perm.questions.manage': 'Manage question banks',
  'perm.quizzes.manage': 'Manage prize quizzes',

  'action.user.create': 'Create user',
  'action.user.update': 'Update user',
  'action.unit.create': 'Add unit',
  'action.region.create': 'Add region',
  'action.auth.login': 'Sign in',
  'action.auth.logout': 'Sign out',

  'object.user': 'User',
  'object.unit': 'Unit',
  'object.region': 'Region',
};

const dictionaries = { 'zh-CN': zh, en: en };
const listeners = [];
let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (LANGS.indexOf(stored) >= 0) return stored;
  } catch (e) {
    // Some in-app browsers forbid storage; the default language still works.
  }
  return 'zh-CN';
}

/** The current language code ("zh-CN" or "en"). */
export function getLang() {
  return current;
}

/** Whether a translation exists for key (used to prefer a local text over a server message). */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(dictionaries[current], key) ||
    Object.prototype.hasOwnProperty.call(zh, key);
}

/** Translates key into the current language, filling {name} placeholders from args. */
export function t(key, args) {
  const dict = dictionaries[current];
  let text = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : zh[key];
  if (text === undefined) return key;
  if (args) {
    text = text.replace(/\{(\w+)\}/g, function (whole, name) {
      if (!Object.prototype.hasOwnProperty.call(args, name)) return whole;
      const value = args[name];
      // An argument may itself be a key ("@level.town"), so it follows the language too.
      return typeof value === 'string' && value.charAt(0) === '@' ? t(value.slice(1)) : String(value);
    });
  }
  return text;
}

/** Rewrites every translated text and attribute under root (the whole document by default). */
export function applyI18n(root) {
  const scope = root || document;
  const texts = scope.querySelectorAll('[data-i18n]');
  for (let i = 0; i < texts.length; i++) {
    const el = texts[i];
    el.textContent = t(el.getAttribute('data-i18n'), readArgs(el));
  }
  const attrs = scope.querySelectorAll('[data-i18n-attr]');
  for (let i = 0; i < attrs.length; i++) {
    const el = attrs[i];
    const args = readArgs(el);
    el.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
      const parts = pair.split('=');
      if (parts.length === 2) el.setAttribute(parts[0], t(parts[1], args));
    });
  }
}

function readArgs(el) {
  const raw = el.getAttribute('data-i18n-args');
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch (e) {
    return undefined;
  }
}

/** Switches language, remembers it, rewrites the page in place and tells the listeners. */
export function setLang(lang) {
  if (LANGS.indexOf(lang) < 0) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    // Not remembered, but still switched for this page.
  }
  document.documentElement.lang = lang;
  applyI18n(document);
  listeners.forEach(function (fn) { fn(lang); });
}

/** Calls fn(lang) after every language switch (for things data-i18n cannot reach, such as a chart). */
export function onLangChange(fn) {
  listeners.push(fn);
}

/** Applies the remembered language to the static page; called once by the shell at start-up. */
export function initI18n() {
  document.documentElement.lang = current;
  applyI18n(document);
}
