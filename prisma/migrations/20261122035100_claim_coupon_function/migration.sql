-- The claim's commit, in one call (libs/coupons claim.service.ts). Called as a single statement, so it runs
-- in its own transaction: the advisory lock taken first is held until that transaction commits. The
-- function is VOLATILE, so each statement after the lock reads a fresh snapshot: if a rebuild of the
-- claim counters committed a new generation meanwhile, the coupon is not inserted.
-- Returns the coupon's code, '!EPOCH' when the counters' generation moved on, '!NO_CODE' when an
-- uploaded-code stock has no unused code left.
CREATE OR REPLACE FUNCTION claim_coupon(
  p_id uuid, p_stock uuid, p_merchant uuid, p_code text, p_customer text, p_request text,
  p_valid_from timestamptz, p_valid_until timestamptz, p_channel text, p_api_key uuid, p_provider uuid, p_user uuid,
  p_sandbox boolean, p_bulk_run uuid, p_claimed_at timestamptz, p_epoch text, p_uploaded boolean,
  p_endpoints uuid[], p_deliveries uuid[]
) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_code text := p_code;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('coupon-counters:' || p_stock::text, 0));
  IF NOT EXISTS (SELECT 1 FROM coupon_stocks WHERE id = p_stock AND "counterEpoch" = p_epoch) THEN
    RETURN '!EPOCH';
  END IF;
  IF p_uploaded THEN
    UPDATE uploaded_codes SET used = true, "couponId" = p_id
    WHERE id = (SELECT u.id FROM uploaded_codes u
                WHERE u."stockId" = p_stock AND NOT u.used AND NOT EXISTS (SELECT 1 FROM coupons c WHERE c.code = u.code)
                LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING code INTO v_code;
    IF v_code IS NULL THEN
      RETURN '!NO_CODE';
    END IF;
  END IF;
  INSERT INTO coupons (id, "stockId", "merchantId", code, "customerRef", "claimRequestId", status, "validFrom", "validUntil", "claimedVia",
    "claimedByApiKeyId", "claimedByProviderId", "claimedByUserId", "claimedInSandbox", "bulkIssueRunId", "claimedAt", "createdAt", "updatedAt")
  VALUES (p_id, p_stock, p_merchant, v_code, p_customer, p_request, 'AVAILABLE', p_valid_from, p_valid_until, p_channel::"CouponChannel",
    p_api_key, p_provider, p_user, p_sandbox, p_bulk_run, p_claimed_at, p_claimed_at, p_claimed_at);
  IF cardinality(p_endpoints) > 0 THEN
    INSERT INTO webhook_deliveries (id, "merchantId", "endpointId", "eventId", "eventType", payload, "updatedAt")
    SELECT d.id, p_merchant, d.endpoint, 'coupon.claimed:' || p_id::text, 'coupon.claimed',
      jsonb_build_object('id', 'coupon.claimed:' || p_id::text, 'type', 'coupon.claimed', 'createdAt', p_claimed_at, 'merchantId', p_merchant,
        'data', jsonb_build_object('couponId', p_id, 'stockId', p_stock, 'code', v_code, 'customerRef', p_customer, 'channel', p_channel,
          'requestId', p_request, 'validFrom', p_valid_from, 'validUntil', p_valid_until)),
      now()
    FROM unnest(p_deliveries, p_endpoints) AS d(id, endpoint)
    ON CONFLICT ("endpointId", "eventId") DO NOTHING;
  END IF;
  RETURN v_code;
END;
$$;
