/** Booking statuses with their zh-CN labels. Kept free of zod so client bundles that only need labels stay small. */
export const BookingStatus = { confirmed: '已预约', cancelled: '已取消', attended: '已到场', no_show: '未到场' } as const;
export type BookingStatus = keyof typeof BookingStatus;
