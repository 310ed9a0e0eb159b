// 推送: campaigns to a saved segment through the inbox and group robots. One hash per view:
//   #/campaigns                         the list with status and progress
//   #/campaigns?view=new                the five-step wizard (内容, 对象, 渠道, 时间, 确认)
//   #/campaigns?view=campaign&id=3      one campaign with live progress, ETA, deferrals and robot messages
//   #/campaigns?view=robots             group robots (DingTalk, WeCom) and their test message
import { renderCampaignList } from './campaigns-list.js';
import { renderCampaignWizard } from './campaigns-wizard.js';
import { renderCampaignPage } from './campaigns-view.js';
import { renderRobots } from './campaigns-robots.js';

/** Draws the view params.view names (the list by default) into container; ctx comes from admin.js. */
export function renderCampaigns(container, ctx, params) {
  if (params.view === 'new') renderCampaignWizard(container, ctx);
  else if (params.view === 'campaign' && params.id) renderCampaignPage(container, ctx, params.id);
  else if (params.view === 'robots') renderRobots(container, ctx);
  else renderCampaignList(container, ctx);
}
