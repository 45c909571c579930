import type { apiKeyResourcesEn, apiKeysEn } from './apikeys.en';

/** API 密钥（列表、新建对话框、仅显示一次的密钥），由 zh.ts 展开到 `mop` 和 `resources` 中。 */
export const apiKeysZh: typeof apiKeysEn = {
  apikeys: {
    intro: 'API 密钥让你的服务器调用平台接口（领券、核销、订单事件）。每个密钥只拥有你授予的权限范围；一旦可能泄露，请立即吊销。',
    new: '新建 API 密钥',
    create_title: '新建 API 密钥',
    create_text: '用将使用它的系统为密钥命名，并只授予该系统需要的权限范围。',
    create: '创建密钥',
    name_help: '例如"收银系统对接"（最多 80 个字符）。',
    name_required: '请输入密钥名称。',
    scopes_required: '请至少选择一个权限范围。',
    expiry_help: '可选：密钥在当天结束时失效。留空则一直有效，直到被吊销。',
    expiry_future: '请选择今天之后的日期。',
    created_title: '已创建 API 密钥"%{name}"',
    secret: '密钥',
    secret_once: '请立即复制并妥善保存密钥：它不会再次显示。平台只保存其指纹；如果丢失，请吊销此密钥并新建一个。',
    copy: '复制密钥',
    copied: '密钥已复制到剪贴板',
    copy_failed: '此处无法自动复制：请选中密钥后手动复制',
    done: '我已复制',
    revoke: '吊销',
    revoke_title: '吊销密钥"%{name}"？',
    revoke_text: '从现在起，使用 mop_%{prefix}_… 的调用都会被拒绝。此操作无法撤销。',
    revoked: '密钥"%{name}"已吊销',
    scopes: {
      COUPONS_READ: '查询优惠券',
      COUPONS_CLAIM: '领取优惠券',
      COUPONS_REDEEM: '核销优惠券',
      COUPONS_MANAGE: '管理优惠券批次',
      EVENTS_WRITE: '上报订单事件',
      MESSAGES_SEND: '发送消息',
      INBOX_READ: '读取顾客消息盒',
      REPORTS_VIEW: '查看报表',
    },
    scope_help: {
      COUPONS_READ: '查询批次和优惠券及其状态。',
      COUPONS_CLAIM: '从你的应用或小程序向顾客发券。',
      COUPONS_REDEEM: '在结账时核销和冲正优惠券。',
      COUPONS_MANAGE: '创建、修改、暂停和结束优惠券批次。',
      EVENTS_WRITE: '上报触发营销活动的订单和支付。',
      MESSAGES_SEND: '使用已审核的模板向顾客发送消息。',
      INBOX_READ: '读取顾客消息盒中的消息。',
      REPORTS_VIEW: '读取领券、核销和消息报表。',
    },
  },
};

export const apiKeyResourcesZh: typeof apiKeyResourcesEn = {
  ApiKey: {
    name: 'API 密钥 |||| API 密钥',
    fields: {
      q: '搜索',
      name: '名称',
      prefix: '密钥',
      scopes: '权限范围',
      status: '状态',
      lastUsedAt: '最近使用',
      expiresAt: '过期时间',
      createdAt: '创建时间',
      createdByName: '创建人',
    },
  },
};
