-- code: broken
SELECT 'x' AS message;
